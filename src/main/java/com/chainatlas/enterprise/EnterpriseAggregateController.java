package com.chainatlas.enterprise;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "enterprise aggregates", description = "企业分布与本地生产: figures by region, zones, product makers")
class EnterpriseAggregateController {

    private final EnterpriseAggregates aggregates;
    private final com.chainatlas.system.KnownIds known;

    EnterpriseAggregateController(EnterpriseAggregates aggregates, com.chainatlas.system.KnownIds known) {
        this.aggregates = aggregates;
        this.known = known;
    }

    @GetMapping("/api/enterprises/distribution")
    @Operation(summary = "Enterprise count and revenue per child region of parent (provinces when absent) for a chain/segment")
    List<EnterpriseAggregates.RegionFigure> distribution(@RequestParam(required = false) String chain,
                                                         @RequestParam(required = false) String segment,
                                                         @RequestParam(required = false) String parent) {
        known.requireChain(chain);
        return aggregates.distribution(chain, segment, parent);
    }

    @GetMapping("/api/enterprises/zones")
    @Operation(summary = "Development zones (开发区) with enterprises in a region")
    List<EnterpriseAggregates.Zone> zones(@RequestParam String region) {
        return aggregates.zones(region);
    }

    @GetMapping("/api/products/makers")
    @Operation(summary = "Per product of a chain: number of makers, and of makers inside the region (本地生产)")
    List<EnterpriseAggregates.ProductMakers> makers(@RequestParam String chain, @RequestParam(required = false) String region) {
        known.requireChain(chain);
        return aggregates.productMakers(chain, region);
    }
}
