package com.chainatlas.innovation;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pairing")
@Tag(name = "pairing", description = "产学研对接: R&D institutions for the segments a region wants to strengthen")
class PairingController {

    private final ResearchPairing pairing;

    PairingController(ResearchPairing pairing) {
        this.pairing = pairing;
    }

    @GetMapping
    @Operation(summary = "Per segment: its technologies and the matching R&D institutions, local first, ranked and explained")
    Pairing.Report pair(@RequestParam String chain, @RequestParam String region,
                        @Parameter(description = "Comma-separated segment ids; all leaf segments of the chain when absent")
                        @RequestParam(required = false) String segments,
                        @Parameter(description = "Institutions per segment, 1..100")
                        @RequestParam(defaultValue = "20") int limit) {
        List<String> ids = segments == null ? List.of()
                : Arrays.stream(segments.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return pairing.pair(chain, region, ids, limit);
    }
}
