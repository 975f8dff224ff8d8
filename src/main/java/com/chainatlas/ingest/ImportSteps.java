package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;

/**
 * The order in which files go in: 1 the chain map (chain, segments, flows, products, technologies), 2 the
 * enterprises (and institutions), 3 the relations between them. {@code requires} names the formats whose data
 * a file refers to, so the import view can say which step is missing.
 */
final class ImportSteps {

    record Step(int step, String zh, List<String> requires) {
    }

    private static final Map<String, Step> STEPS = Map.ofEntries(
            Map.entry("chains", new Step(1, "产业链与环节", List.of())),
            Map.entry("segments", new Step(1, "产业链与环节", List.of("chains"))),
            Map.entry("flows", new Step(1, "产业链与环节", List.of("segments"))),
            Map.entry("products", new Step(1, "产业链与环节", List.of("segments"))),
            Map.entry("product-inputs", new Step(1, "产业链与环节", List.of("products"))),
            Map.entry("technologies", new Step(1, "产业链与环节", List.of("chains"))),
            Map.entry("enterprises", new Step(2, "企业", List.of("segments"))),
            Map.entry("institutions", new Step(2, "企业", List.of("technologies"))),
            Map.entry("enterprise-segments", new Step(3, "关系", List.of("enterprises", "segments"))),
            Map.entry("enterprise-products", new Step(3, "关系", List.of("enterprises", "products"))),
            Map.entry("supplies", new Step(3, "关系", List.of("enterprises"))),
            Map.entry("cooperations", new Step(3, "关系", List.of("institutions", "enterprises"))),
            Map.entry("projects", new Step(3, "关系", List.of("enterprises"))),
            Map.entry("events", new Step(3, "关系", List.of("enterprises"))));

    private ImportSteps() {
    }

    static Step of(ImportFormat format) {
        return STEPS.get(format.id());
    }
}
