package com.chainatlas.chain;

import java.util.List;

/** Records of the chain map (产业链图谱): chains, segments, flows, products, technologies. */
public final class ChainModel {

    private ChainModel() {
    }

    /** 产业链. */
    public record Chain(String id, String name, String description, List<String> industryCodes, boolean sample) {
    }

    /**
     * 环节. {@code key} marks a 关键环节; {@code valueAdded} runs 1 (low) to 5 (high).
     * {@code parentId} is set on sub-segments (PART_OF).
     */
    public record Segment(String id, String chainId, String name, Stage stage, boolean key, int valueAdded,
                          String parentId, String description) {
    }

    /**
     * A supply flow between segments (FEEDS); {@code recycling} marks return flows kept out of DAG algorithms;
     * {@code mutual} marks a non-recycling flow whose segments also feed each other the other way (配电设备 ⇄
     * 输变电设备: both in one strongly connected component of the non-recycling flow), drawn as a mutual flow.
     */
    public record Flow(String from, String to, boolean recycling, boolean mutual) {

        /** A flow as written by importers; {@code mutual} is derived when the chain is read. */
        public Flow(String from, String to, boolean recycling) {
            this(from, to, recycling, false);
        }
    }

    /** 产品, with the products it needs as inputs (INPUT_TO). */
    public record Product(String id, String chainId, String name, String segmentId, List<String> inputIds) {
        public Product {
            inputIds = inputIds == null ? List.of() : List.copyOf(inputIds);
        }
    }

    /** 核心技术, applying to segments. */
    public record Technology(String id, String chainId, String name, String description, List<String> segmentIds) {
        public Technology {
            segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        }
    }

    /** One input of a product (INPUT_TO): {@code inputId} is used to make {@code productId}. */
    public record ProductInput(String inputId, String productId) {
    }
}
