package com.chainatlas.innovation;

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
@RequestMapping("/api/institutions")
@Tag(name = "institutions", description = "创新图谱: R&D institutions and their cooperation")
class InnovationController {

    private final InnovationService innovation;
    private final com.chainatlas.system.KnownIds known;

    InnovationController(InnovationService innovation, com.chainatlas.system.KnownIds known) {
        this.innovation = innovation;
        this.known = known;
    }

    @GetMapping
    @Operation(summary = "R&D institutions by chain, segment (incl. sub-segments and via technologies), technology, region")
    PageResult<Institution> list(@RequestParam(required = false) String chain,
                                 @RequestParam(required = false) String segment,
                                 @RequestParam(required = false) String technology,
                                 @RequestParam(required = false) String region,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        known.requireChain(chain);
        return innovation.list(chain, segment, technology, region, new Paging(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One institution with the enterprises it cooperates with")
    InnovationService.InstitutionDetail one(@PathVariable String id) {
        return innovation.detail(id);
    }
}
