package com.chainatlas.chain;

import java.util.List;

import com.chainatlas.chain.ChainModel.Product;
import com.chainatlas.chain.ChainModel.Segment;
import com.chainatlas.chain.ChainModel.Technology;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.DataGeneration;
import com.chainatlas.system.GenerationCache;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "chains", description = "产业链图谱: chains, segments, flows, products, technologies")
class ChainController {

    private final ChainService chains;
    private final com.chainatlas.system.KnownIds known;
    /** The chain list and structures, read by every view, until the data changes (cached outside the read transaction). */
    private final GenerationCache<Boolean, List<ChainService.ChainSummary>> list;
    private final GenerationCache<String, ChainService.ChainStructure> structures;

    ChainController(ChainService chains, com.chainatlas.system.KnownIds known, DataGeneration generation) {
        this.chains = chains;
        this.known = known;
        this.list = new GenerationCache<>(generation, 1);
        this.structures = new GenerationCache<>(generation, 64);
    }

    @GetMapping("/api/chains")
    @Operation(summary = "All chains with segment and enterprise counts")
    List<ChainService.ChainSummary> list() {
        return list.get(Boolean.TRUE, chains::chains);
    }

    @GetMapping("/api/chains/{id}")
    @Operation(summary = "A chain's segments (with stage, key flag, value added, parent) and FEEDS flows")
    ChainService.ChainStructure structure(@PathVariable String id) {
        return structures.get(id, () -> chains.structure(id));
    }

    @GetMapping("/api/chains/{id}/products")
    @Operation(summary = "Products of a chain (optionally of one segment and its sub-segments) with their inputs")
    List<Product> products(@PathVariable String id, @RequestParam(required = false) String segment) {
        return chains.products(id, segment);
    }

    @GetMapping("/api/technologies")
    @Operation(summary = "Core technologies (核心技术) by chain and/or segment")
    List<Technology> technologies(@RequestParam(required = false) String chain,
                                  @RequestParam(required = false) String segment) {
        known.requireChain(chain);
        return chains.technologies(chain, segment);
    }

    @GetMapping("/api/segments/{id}")
    @Operation(summary = "One segment")
    Segment segment(@PathVariable String id) {
        return chains.segment(id).orElseThrow(() -> ApiProblem.notFound("环节", "Segment", id));
    }
}
