package com.chainatlas.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * The shape of a chain's FEEDS flow (供应流向), computed once per snapshot with JGraphT; recycling (return)
 * flows are left out, as the domain requires wherever an algorithm needs a DAG.
 *
 * <p><b>Mutual flows (互供).</b> Real chains have segments that feed each other (配电设备 ⇄ 输变电设备); they are
 * accepted as data. The strongly connected components of the non-recycling flow (Kosaraju, via
 * {@link KosarajuStrongConnectivityInspector}) group them: {@link #mutualGroups} lists the components with more
 * than one segment, and every algorithm that needs a DAG works on the <em>condensation</em> (one vertex per
 * component, which is always acyclic).
 *
 * <p><b>Chokepoints (关键节点).</b> A segment is a chokepoint when every path from a raw-material segment to an
 * end-product segment passes it. Raw materials are the segments of the condensation's source components (no flow
 * into the component from outside it), end products those of its sink components; on a DAG these are exactly the
 * segments without incoming / outgoing flow, and a mutual pair at the top of a chain is raw material as a whole.
 * Method: a super source {@code S} with an edge to every raw-material segment and a super sink {@code T} with an
 * edge from every end-product segment; {@code v} is a chokepoint iff {@code T} is unreachable from {@code S} with
 * {@code v} masked out ({@link MaskSubgraph} + {@link BreadthFirstIterator}), i.e. {@code v} dominates {@code T}
 * (Lengauer &amp; Tarjan, 1979). Masked reachability is well defined on cycles (a path through a mutual pair can
 * pass one or both of its segments), and with ~100 segments the O(V·(V+E)) is microseconds. Segments without
 * any (non-recycling) flow are left out: an isolated segment is not a raw material of the others.
 *
 * <p><b>Neighbours</b> (for 延链) are undirected along non-recycling flows, so a mutual pair is one neighbour
 * relation; walks are bounded by their step count.
 */
final class FlowStructure {

    private static final int SOURCE = -1;
    private static final int SINK = -2;

    final boolean[] chokepoint;
    /** Segments on mutual (non-recycling) flows, ascending. */
    final int[] cycleSegments;
    /** Groups of segments that feed each other (strongly connected components of size ≥ 2), each ascending. */
    final List<int[]> mutualGroups;
    /** Component of each segment in the condensation (-1 for a segment without non-recycling flows). */
    final int[] component;
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
        this.component = new int[segments];
        Arrays.fill(component, -1);
        List<int[]> groups = new ArrayList<>();
        List<Set<Integer>> sccs = new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets();
        for (int c = 0; c < sccs.size(); c++) {
            for (int v : sccs.get(c)) {
                component[v] = c;
            }
            if (sccs.get(c).size() > 1) {
                groups.add(sccs.get(c).stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
        groups.sort(Comparator.comparingInt(x -> x[0]));
        this.mutualGroups = List.copyOf(groups);
        this.cycleSegments = groups.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        this.chokepoint = chokepoints(g, segments, component, sccs.size());
    }

    private static boolean[] chokepoints(Graph<Integer, DefaultEdge> g, int segments, int[] component, int components) {
        boolean[] result = new boolean[segments];
        List<Integer> vertices = new ArrayList<>(g.vertexSet());
        if (vertices.isEmpty()) {
            return result;
        }
        // in/out degree of each component in the condensation (edges between different components only)
        boolean[] entered = new boolean[components];
        boolean[] left = new boolean[components];
        for (DefaultEdge e : g.edgeSet()) {
            int a = component[g.getEdgeSource(e)];
            int b = component[g.getEdgeTarget(e)];
            if (a != b) {
                left[a] = true;
                entered[b] = true;
            }
        }
        List<Integer> sources = vertices.stream().filter(v -> !entered[component[v]]).toList();
        List<Integer> sinks = vertices.stream().filter(v -> !left[component[v]]).toList();
        g.addVertex(SOURCE);
        g.addVertex(SINK);
        sources.forEach(v -> g.addEdge(SOURCE, v));
        sinks.forEach(v -> g.addEdge(v, SINK));
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
