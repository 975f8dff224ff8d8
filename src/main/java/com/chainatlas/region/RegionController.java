package com.chainatlas.region;

import java.util.List;

import com.chainatlas.system.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
@Tag(name = "regions", description = "行政区划 GB/T 2260")
class RegionController {

    private final RegionService regions;

    RegionController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/tree")
    @Operation(summary = "Province → city → county tree (省市县树)")
    List<RegionService.RegionNode> tree() {
        return regions.tree();
    }

    @GetMapping
    @Operation(summary = "Regions by parent code (省 when absent) or by name search")
    List<Region> list(@RequestParam(required = false) String parent, @RequestParam(required = false) String q) {
        if (q != null && !q.isBlank()) {
            return regions.search(q.strip());
        }
        if (parent != null && !parent.isBlank() && regions.detail(parent.strip()).isEmpty()) {
            throw ApiProblem.notFound("行政区划", "Region", parent.strip());
        }
        return regions.children(parent);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One region with its path")
    RegionService.RegionDetail one(@PathVariable String code) {
        if (!code.matches("\\d{6}")) {
            throw ApiProblem.badRequest("行政区划代码须为 6 位数字: " + code, "Region code must be 6 digits: " + code);
        }
        return regions.detail(code).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", code));
    }
}
