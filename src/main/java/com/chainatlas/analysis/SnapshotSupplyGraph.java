package com.chainatlas.analysis;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A read-only JGraphT view of a snapshot's supply network (供应网络): vertices are enterprise indices, edges are
 * supply-relation indices (supplier → customer) in the snapshot's compressed-row arrays. It lets JGraphT's
 * algorithms (here {@link org.jgrapht.alg.scoring.PageRank}) run over millions of relations without copying them
 * into a {@code DefaultDirectedGraph} (which costs ~100 bytes per edge); it adds one int per edge for the
 * outgoing index. Mutators throw {@link UnsupportedOperationException}. This is the diagnosis' role; the link
 * predictor builds its own {@code SupplyTieNetwork} from the same snapshot arrays ({@code targeting}).
 */
final class SnapshotSupplyGraph extends AbstractGraph<Integer, Integer> {

    private static final GraphType TYPE = new DefaultGraphType.Builder().directed().weighted(false)
            .allowMultipleEdges(false).allowSelfLoops(false).allowCycles(true).modifiable(false).build();

    private final int vertices;
    private final int[] inStart;
    private final int[] inSupplier;
    private final int[] edgeTarget;
    private final int[] outStart;
    private final int[] outEdges;

    SnapshotSupplyGraph(int vertices, int[] inStart, int[] inSupplier) {
        this.vertices = vertices;
        this.inStart = inStart;
        this.inSupplier = inSupplier;
        int m = inSupplier.length;
        this.edgeTarget = new int[m];
        for (int c = 0; c < vertices; c++) {
            for (int k = inStart[c]; k < inStart[c + 1]; k++) {
                edgeTarget[k] = c;
            }
        }
        this.outStart = new int[vertices + 1];
        for (int k = 0; k < m; k++) {
            outStart[inSupplier[k] + 1]++;
        }
        for (int v = 0; v < vertices; v++) {
            outStart[v + 1] += outStart[v];
        }
        this.outEdges = new int[m];
        int[] fill = java.util.Arrays.copyOf(outStart, vertices);
        for (int k = 0; k < m; k++) {
            outEdges[fill[inSupplier[k]]++] = k;
        }
    }

    @Override
    public Set<Integer> vertexSet() {
        return new Slice(null, 0, vertices);
    }

    @Override
    public Set<Integer> edgeSet() {
        return new Slice(null, 0, inSupplier.length);
    }

    @Override
    public Set<Integer> incomingEdgesOf(Integer v) {
        return new Slice(null, inStart[v], inStart[v + 1]);
    }

    @Override
    public Set<Integer> outgoingEdgesOf(Integer v) {
        return new Slice(outEdges, outStart[v], outStart[v + 1]);
    }

    @Override
    public int inDegreeOf(Integer v) {
        return inStart[v + 1] - inStart[v];
    }

    @Override
    public int outDegreeOf(Integer v) {
        return outStart[v + 1] - outStart[v];
    }

    @Override
    public int degreeOf(Integer v) {
        return inDegreeOf(v) + outDegreeOf(v);
    }

    @Override
    public Set<Integer> edgesOf(Integer v) {
        Set<Integer> all = new java.util.HashSet<>(incomingEdgesOf(v));
        all.addAll(outgoingEdgesOf(v));
        return all;
    }

    @Override
    public Integer getEdgeSource(Integer e) {
        return inSupplier[e];
    }

    @Override
    public Integer getEdgeTarget(Integer e) {
        return edgeTarget[e];
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    public double getEdgeWeight(Integer e) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public boolean containsVertex(Integer v) {
        return v != null && v >= 0 && v < vertices;
    }

    @Override
    public boolean containsEdge(Integer e) {
        return e != null && e >= 0 && e < inSupplier.length;
    }

    @Override
    public Integer getEdge(Integer source, Integer target) {
        for (int k = inStart[target]; k < inStart[target + 1]; k++) {
            if (inSupplier[k] == source) {
                return k;
            }
        }
        return null;
    }

    @Override
    public Set<Integer> getAllEdges(Integer source, Integer target) {
        Integer e = getEdge(source, target);
        return e == null ? Set.of() : Set.of(e);
    }

    @Override
    public Supplier<Integer> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Integer> getEdgeSupplier() {
        return null;
    }

    @Override
    public Integer addEdge(Integer s, Integer t) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(Integer s, Integer t, Integer e) {
        throw readOnly();
    }

    @Override
    public Integer addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public Integer removeEdge(Integer s, Integer t) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(Integer e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(Integer v) {
        throw readOnly();
    }

    @Override
    public void setEdgeWeight(Integer e, double weight) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("SnapshotSupplyGraph is a read-only view of a snapshot");
    }

    /** The ints {@code [from, to)} themselves (array null) or {@code array[from..to)}, as an unmodifiable set. */
    private static final class Slice extends AbstractSet<Integer> {
        private final int[] array;
        private final int from;
        private final int to;

        Slice(int[] array, int from, int to) {
            this.array = array;
            this.from = from;
            this.to = to;
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int i = from;

                @Override
                public boolean hasNext() {
                    return i < to;
                }

                @Override
                public Integer next() {
                    if (i >= to) {
                        throw new NoSuchElementException();
                    }
                    int k = i++;
                    return array == null ? k : array[k];
                }
            };
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Integer x)) {
                return false;
            }
            if (array == null) {
                return x >= from && x < to;
            }
            for (int k = from; k < to; k++) {
                if (array[k] == x) {
                    return true;
                }
            }
            return false;
        }
    }
}
