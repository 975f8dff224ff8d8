package com.chainatlas.enterprise;

import com.chainatlas.system.DataGeneration;
import com.chainatlas.system.GenerationCache;
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

    /** One list page per filter and paging, per data generation: pages are small, so 512 of them stay cheap. */
    private record PageKey(EnterpriseService.Filter filter, int page, int size) {
    }

    private final EnterpriseService enterprises;
    private final com.chainatlas.system.KnownIds known;
    private final GenerationCache<PageKey, PageResult<Enterprise>> pages;

    EnterpriseController(EnterpriseService enterprises, com.chainatlas.system.KnownIds known, DataGeneration generation) {
        this.enterprises = enterprises;
        this.known = known;
        this.pages = new GenerationCache<>(generation, 512);
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
        EnterpriseService.Filter filter = new EnterpriseService.Filter(chain, segment, region, zone, tag, q, sort);
        Paging paging = new Paging(page, size);
        // cached outside the service's read transaction, so a repeated page costs no database round trip
        return pages.get(new PageKey(filter, paging.page(), paging.size()), () -> enterprises.list(filter, paging));
    }

    @GetMapping("/{uscc}")
    @Operation(summary = "One enterprise with its segments, products, suppliers and customers")
    EnterpriseService.EnterpriseDetail one(@PathVariable String uscc) {
        return enterprises.detail(uscc);
    }
}
