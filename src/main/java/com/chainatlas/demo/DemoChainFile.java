package com.chainatlas.demo;

import java.util.List;
import java.util.Map;

/**
 * The JSON form of a demo chain ({@code demo/chains/*.json}), written by the project by hand.
 * {@code concentration} weights provinces (2-digit code) for where generated enterprises sit;
 * {@code demoProfile} says, per leaf segment, how present the default demo region should be
 * (STRONG, PRESENT, WEAK, MISSING) so the demo shows every kind of verdict.
 */
record DemoChainFile(String id, String name, String description, List<String> industryCodes,
                     Map<String, Double> concentration, List<Seg> segments, List<FlowRow> flows,
                     List<ProductRow> products, List<TechRow> technologies, Map<String, String> demoProfile) {

    record Seg(String id, String name, String stage, String parent, boolean key, int valueAdded, String description) {
    }

    record FlowRow(String from, String to, boolean recycling) {
    }

    record ProductRow(String id, String name, String segment, List<String> inputs) {
    }

    record TechRow(String id, String name, List<String> segments, String description) {
    }

    record InstitutionRow(String id, String name, String type, String level, String regionCode, int strength,
                          List<String> technologies, List<String> segments) {
    }
}
