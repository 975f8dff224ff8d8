package com.chainatlas.enterprise;

import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enterprises")
@Tag(name = "enterprises", description = "企业图谱: enterprises by chain, segment, region (with sub-regions), tag")
class EnterpriseController {

    private final EnterpriseService enterprises;
    private final com.chainatlas.system.KnownIds known;

    EnterpriseController(EnterpriseService enterprises, com.chainatlas.system.KnownIds known) {
        this.enterprises = enterprises;
        this.known = known;
    }

    @GetMapping
    @Operation(summary = "Enterprises, paged; region includes its sub-regions; zone = development zone (开发区); sort by revenue|name|employees|patents")
    PageResult<Enterprise> list(@RequestParam(required = false) String chain,
                                @RequestParam(required = false) String segment,
                                @RequestParam(required = false) String region,
                                @RequestParam(required = false) String zone,
                                @RequestParam(required = false) String tag,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) String sort,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        known.requireChain(chain);
        return enterprises.list(new EnterpriseService.Filter(chain, segment, region, zone, tag, q, sort), new Paging(page, size));
    }

    @GetMapping("/{uscc}")
    @Operation(summary = "One enterprise with its segments, products, suppliers and customers")
    EnterpriseService.EnterpriseDetail one(@PathVariable String uscc) {
        return enterprises.detail(uscc);
    }
}
