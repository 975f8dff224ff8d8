package com.chainatlas.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.chain.ChainModel;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.GabowStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Rules of the segment-flow (FEEDS) format. Real chains have mutual flows (配电设备 ⇄ 输变电设备), so an
 * unmarked edge that closes a cycle (with the file's other edges and the stored ones) is accepted and reported
 * as a warning on its row, with the cycle spelled out; analyses that need a DAG work on the condensation.
 * Return flows marked as recycling stay out of the cycle check, as before; a flow from a segment to itself is an error.
 */
final class FlowRules implements FormatRules<FlowRules.Row> {

    /** @param chainId the chain of the downstream segment (the flow's chain for the import event) */
    record Row(String from, String to, boolean recycling, String chainId) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    private record Edge(String from, String to, int row) {
    }

    private final List<Edge> plain = new ArrayList<>();
    private final Set<String> filePairs = new HashSet<>();

    @Override
    public void check(RowContext row) {
        String from = row.text("from");
        String to = row.text("to");
        boolean recycling = row.flag("recycling");
        filePairs.add(from + "\u0000" + to);
        if (recycling) {
            return;
        }
        if (from.equals(to)) {
            row.problem("to", "流向指向自身");
            return;
        }
        plain.add(new Edge(from, to, row.rowNumber()));
    }

    @Override
    public void finish(FileContext file) {
        if (plain.isEmpty()) {
            return;
        }
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        Set<String> segments = new HashSet<>();
        plain.forEach(e -> {
            segments.add(e.from());
            segments.add(e.to());
        });
        for (String[] e : file.existingFlows(segments)) {
            if (!filePairs.contains(e[0] + "\u0000" + e[1])) {
                addEdge(g, e[0], e[1]);
            }
        }
        plain.forEach(e -> addEdge(g, e.from(), e.to()));
        Map<String, Integer> component = new HashMap<>();
        List<Set<String>> sccs = new GabowStrongConnectivityInspector<>(g).stronglyConnectedSets();
        for (int i = 0; i < sccs.size(); i++) {
            for (String v : sccs.get(i)) {
                component.put(v, i);
            }
        }
        for (Edge e : plain) {
            if (component.get(e.from()).equals(component.get(e.to()))) {
                List<String> back = path(g, e.to(), e.from(), sccs.get(component.get(e.from())));
                file.warning(e.row(), "to", e.to(), "与其他流向形成循环 (互相供给): " + e.from() + " → " + String.join(" → ", back)
                        + "。已导入；需要无环流向的分析把环上的环节合为一组。若其中一条是回收流向，请在“回收流向”列填“是”");
            }
        }
    }

    private static void addEdge(Graph<String, DefaultEdge> g, String a, String b) {
        g.addVertex(a);
        g.addVertex(b);
        g.addEdge(a, b);
    }

    /** Shortest path start → goal inside one strongly connected component (BFS). */
    private static List<String> path(Graph<String, DefaultEdge> g, String start, String goal, Set<String> within) {
        Map<String, String> prev = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        prev.put(start, start);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            if (v.equals(goal)) {
                break;
            }
            for (DefaultEdge e : g.outgoingEdgesOf(v)) {
                String w = g.getEdgeTarget(e);
                if (within.contains(w) && !prev.containsKey(w)) {
                    prev.put(w, v);
                    queue.add(w);
                }
            }
        }
        LinkedList<String> result = new LinkedList<>();
        for (String v = goal; ; v = prev.get(v)) {
            result.addFirst(v);
            if (v.equals(start) || !prev.containsKey(v)) {
                break;
            }
        }
        return result;
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("from"), r.text("to"), r.flag("recycling"), r.chainOf(RefKind.SEGMENT, r.text("to")));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.chains().mergeFlows(rows.stream().map(r -> new ChainModel.Flow(r.from(), r.to(), r.recycling())).toList());
    }
}
