package com.chainatlas.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * The shape of a chain's FEEDS flow (供应流向), computed once per snapshot with JGraphT; recycling (return)
 * flows are left out, as the domain requires wherever an algorithm needs a DAG.
 *
 * <p><b>Chokepoints (关键节点).</b> A segment is a chokepoint when every path from a raw-material segment (no
 * incoming flow) to an end-product segment (no outgoing flow) passes it. Method: add a super source {@code S}
 * with an edge to every source and a super sink {@code T} with an edge from every sink; then {@code v} is a
 * chokepoint iff {@code T} is unreachable from {@code S} in the graph with {@code v} masked out
 * ({@link MaskSubgraph} + {@link BreadthFirstIterator}). Equivalently, {@code v} dominates {@code T} in the
 * flow graph rooted at {@code S} (Lengauer &amp; Tarjan, 1979); with ~100 segments the O(V·(V+E)) masked
 * reachability is microseconds and simpler to verify. Segments without any (non-recycling) flow are left out:
 * an isolated segment is not a raw material of the others.
 *
 * <p><b>Cycles.</b> An unmarked FEEDS cycle is an input error (imports reject it), but a snapshot must not
 * hang on one: {@link CycleDetector} lists the segments on cycles (reported in the chain figures); masked
 * reachability terminates on any graph, and neighbourhood walks are bounded by their step count.
 */
final class FlowStructure {

    private static final int SOURCE = -1;
    private static final int SINK = -2;

    final boolean[] chokepoint;
    final int[] cycleSegments;
    /** Undirected neighbours along non-recycling flows, ascending, distinct. */
    final int[][] neighbours;

    FlowStructure(int segments, int[] from, int[] to, boolean[] recycling) {
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        List<TreeSet<Integer>> adj = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            adj.add(new TreeSet<>());
        }
        for (int f = 0; f < from.length; f++) {
            if (recycling[f]) {
                continue;
            }
            g.addVertex(from[f]);
            g.addVertex(to[f]);
            g.addEdge(from[f], to[f]);
            adj.get(from[f]).add(to[f]);
            adj.get(to[f]).add(from[f]);
        }
        this.neighbours = adj.stream().map(set -> set.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        Set<Integer> onCycles = new CycleDetector<>(g).findCycles();
        this.cycleSegments = onCycles.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.chokepoint = chokepoints(g, segments);
    }

    private static boolean[] chokepoints(Graph<Integer, DefaultEdge> g, int segments) {
        boolean[] result = new boolean[segments];
        List<Integer> vertices = new ArrayList<>(g.vertexSet());
        if (vertices.isEmpty()) {
            return result;
        }
        List<Integer> sources = vertices.stream().filter(v -> g.inDegreeOf(v) == 0).toList();
        List<Integer> sinks = vertices.stream().filter(v -> g.outDegreeOf(v) == 0).toList();
        g.addVertex(SOURCE);
        g.addVertex(SINK);
        sources.forEach(v -> g.addEdge(SOURCE, v));
        sinks.forEach(v -> g.addEdge(v, SINK));
        if (!reaches(g, SOURCE, SINK)) {
            return result; // e.g. the whole flow is one cycle: no raw-material → end-product path at all
        }
        for (int v : vertices) {
            result[v] = !reaches(new MaskSubgraph<>(g, x -> x == v, e -> false), SOURCE, SINK);
        }
        return result;
    }

    private static boolean reaches(Graph<Integer, DefaultEdge> g, int from, int to) {
        BreadthFirstIterator<Integer, DefaultEdge> it = new BreadthFirstIterator<>(g, from);
        while (it.hasNext()) {
            if (it.next() == to) {
                return true;
            }
        }
        return false;
    }

    /** Segments within {@code steps} undirected non-recycling flow steps of {@code s} (excluding s), with distances. */
    int[] distancesFrom(int s, int steps) {
        int[] dist = new int[neighbours.length];
        Arrays.fill(dist, -1);
        dist[s] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(s);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (dist[v] == steps) {
                continue;
            }
            for (int w : neighbours[v]) {
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    queue.add(w);
                }
            }
        }
        return dist;
    }
}
