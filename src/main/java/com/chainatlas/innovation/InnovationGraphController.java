package com.chainatlas.innovation;

import com.chainatlas.system.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "institutions", description = "创新图谱: R&D institutions and their cooperation")
class InnovationGraphController {

    /** Longer than any chain id; keeps a pasted text out of queries and error messages. */
    static final int MAX_CHAIN_ID = 64;

    private final InnovationGraphService graphs;

    InnovationGraphController(InnovationGraphService graphs) {
        this.graphs = graphs;
    }

    @GetMapping("/api/innovation/graph")
    @Operation(summary = "创新图谱 in one answer: technologies, institutions (local first) and their cooperating enterprises")
    InnovationGraph graph(@RequestParam(required = false) String chain,
                          @RequestParam(required = false) String region,
                          @RequestParam(defaultValue = "" + InnovationGraphService.DEFAULT_LIMIT) int limit) {
        if (chain == null || chain.isBlank()) {
            throw ApiProblem.badRequest("请指定产业链（参数 chain）", "chain is required");
        }
        if (chain.length() > MAX_CHAIN_ID) {
            throw ApiProblem.badRequest("产业链编号过长（最多 " + MAX_CHAIN_ID + " 个字符）", "chain id longer than " + MAX_CHAIN_ID);
        }
        String code = region == null || region.isBlank() ? null : region.strip();
        if (code != null && !code.matches("\\d{6}")) {
            throw ApiProblem.badRequest("行政区划代码须为 6 位数字", "region must be a 6-digit code");
        }
        return graphs.graph(chain.strip(), code, limit);
    }
}
