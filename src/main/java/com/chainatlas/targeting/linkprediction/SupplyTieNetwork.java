package com.chainatlas.targeting.linkprediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The supply network as the link predictor sees it (供应关系网络, the predictor's role; the analysis
 * snapshot's own read-only graph view for PageRank is {@code analysis.SnapshotSupplyGraph}): firms and
 * directed supplier → customer relations. In the application it is built from the analysis snapshot's
 * arrays ({@link #ofCompressedRows}), so predictions and diagnosis always describe the same data. A firm may be a
 * customer, a supplier or both; the model keeps the two roles apart (bipartite-aware), so methods
 * can walk "c buys from s'" and "c' buys from s" separately.
 *
 * <p>Immutable. Firms are numbered 0..n-1 in order of first appearance; adjacency is held as sorted
 * {@code int[]} per firm in both directions, so a relation test is a binary search and the
 * path-of-length-3 methods touch only arrays. Building costs O(m log m) time and O(n + m) memory for
 * n firms and m distinct relations. Duplicate relations are counted once.
 */
public final class SupplyTieNetwork {

    private final List<String> ids;
    private final Map<String, Integer> index;
    /** suppliersOf[c]: firms c buys from, sorted. */
    private final int[][] suppliersOf;
    /** customersOf[s]: firms s sells to, sorted. */
    private final int[][] customersOf;
    private final int relationCount;

    private SupplyTieNetwork(List<String> ids, Map<String, Integer> index, int[] customers, int[] suppliers) {
        this.ids = ids;
        this.index = index;
        int n = ids.size();
        this.suppliersOf = group(n, customers, suppliers);
        this.customersOf = group(n, suppliers, customers);
        int m = 0;
        for (int[] row : suppliersOf) {
            m += row.length;
        }
        this.relationCount = m;
    }

    /**
     * Builds the network from relations.
     *
     * @throws IllegalArgumentException if there are no relations
     */
    public static SupplyTieNetwork of(Collection<SupplyRelation> relations) {
        Objects.requireNonNull(relations, "relations");
        if (relations.isEmpty()) {
            throw new IllegalArgumentException("supply network needs at least one relation / 供应关系为空");
        }
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        int[] customers = new int[relations.size()];
        int[] suppliers = new int[relations.size()];
        int i = 0;
        for (SupplyRelation r : relations) {
            Objects.requireNonNull(r, "relation");
            customers[i] = index.computeIfAbsent(r.customer(), k -> add(ids, k));
            suppliers[i] = index.computeIfAbsent(r.supplier(), k -> add(ids, k));
            i++;
        }
        return new SupplyTieNetwork(List.copyOf(ids), Map.copyOf(index), customers, suppliers);
    }

    /**
     * Builds the network from {@code {customer, supplier}} pairs.
     *
     * @throws IllegalArgumentException if there are no pairs or a pair is not two non-blank, distinct ids
     */
    public static SupplyTieNetwork ofPairs(String[][] customerSupplierPairs) {
        Objects.requireNonNull(customerSupplierPairs, "pairs");
        List<SupplyRelation> relations = new ArrayList<>(customerSupplierPairs.length);
        for (String[] pair : customerSupplierPairs) {
            if (pair == null || pair.length != 2) {
                throw new IllegalArgumentException("each pair must be {customer, supplier}: " + Arrays.toString(pair));
            }
            relations.add(new SupplyRelation(pair[0], pair[1]));
        }
        return of(relations);
    }

    /**
     * Builds the network from compressed rows by customer, as the analysis snapshot holds them: firm
     * {@code c}'s suppliers are {@code supplier[start[c]] .. supplier[start[c + 1] - 1]}. Firms keep their
     * indices (so a firm without relations is still a firm); ids must be distinct. Copies the arrays.
     *
     * @throws IllegalArgumentException if the rows do not fit the ids, ids repeat, a supplier index is
     *         out of range or a firm supplies itself
     */
    public static SupplyTieNetwork ofCompressedRows(String[] ids, int[] start, int[] supplier) {
        Objects.requireNonNull(ids, "ids");
        int n = ids.length;
        if (start == null || supplier == null || start.length != n + 1 || start[0] != 0 || start[n] != supplier.length) {
            throw new IllegalArgumentException("compressed rows do not fit " + n + " firms");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < n; v++) {
            if (ids[v] == null || index.put(ids[v], v) != null) {
                throw new IllegalArgumentException("firm ids must be distinct and non-null: " + ids[v]);
            }
        }
        int[] customers = new int[supplier.length];
        for (int c = 0; c < n; c++) {
            for (int k = start[c]; k < start[c + 1]; k++) {
                if (supplier[k] < 0 || supplier[k] >= n || supplier[k] == c) {
                    throw new IllegalArgumentException("bad supplier index " + supplier[k] + " for firm " + c);
                }
                customers[k] = c;
            }
        }
        return new SupplyTieNetwork(List.of(ids), Map.copyOf(index), customers, supplier.clone());
    }

    private static int add(List<String> ids, String id) {
        ids.add(id);
        return ids.size() - 1;
    }

    /** Same firms (same numbering), only the relations whose positions in {@link #relations} are listed. */
    SupplyTieNetwork withRelations(int[][] relationPairs) {
        int[] customers = new int[relationPairs.length];
        int[] suppliers = new int[relationPairs.length];
        for (int i = 0; i < relationPairs.length; i++) {
            customers[i] = relationPairs[i][0];
            suppliers[i] = relationPairs[i][1];
        }
        return new SupplyTieNetwork(ids, index, customers, suppliers);
    }

    private static int[][] group(int n, int[] from, int[] to) {
        int[] count = new int[n];
        for (int f : from) {
            count[f]++;
        }
        int[][] rows = new int[n][];
        for (int v = 0; v < n; v++) {
            rows[v] = new int[count[v]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < from.length; i++) {
            rows[from[i]][fill[from[i]]++] = to[i];
        }
        for (int v = 0; v < n; v++) {
            int[] row = rows[v];
            Arrays.sort(row);
            int k = 0;
            for (int j = 0; j < row.length; j++) {
                if (j == 0 || row[j] != row[j - 1]) {
                    row[k++] = row[j];
                }
            }
            rows[v] = k == row.length ? row : Arrays.copyOf(row, k);
        }
        return rows;
    }

    /** Number of firms (nodes). */
    public int firmCount() {
        return ids.size();
    }

    /** Number of distinct supplier → customer relations. */
    public int relationCount() {
        return relationCount;
    }

    /** Number of firms that buy from at least one supplier. */
    public int customerCount() {
        return (int) Arrays.stream(suppliersOf).filter(r -> r.length > 0).count();
    }

    /** Number of firms that sell to at least one customer. */
    public int supplierCount() {
        return (int) Arrays.stream(customersOf).filter(r -> r.length > 0).count();
    }

    /** Whether the firm id appears in the network. */
    public boolean contains(String firmId) {
        return index.containsKey(firmId);
    }

    /** Whether {@code supplier} sells to {@code customer}. Unknown ids give {@code false}. */
    public boolean supplies(String supplier, String customer) {
        Integer s = index.get(supplier);
        Integer c = index.get(customer);
        return s != null && c != null && hasRelation(s, c);
    }

    OptionalInt indexOf(String firmId) {
        Integer i = index.get(firmId);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    String idOf(int firm) {
        return ids.get(firm);
    }

    /** Firms {@code customer} buys from, sorted; do not modify. */
    int[] suppliersOf(int customer) {
        return suppliersOf[customer];
    }

    /** Firms {@code supplier} sells to, sorted; do not modify. */
    int[] customersOf(int supplier) {
        return customersOf[supplier];
    }

    /** Firms that buy from at least one supplier, ascending. */
    int[] buyers() {
        return java.util.stream.IntStream.range(0, suppliersOf.length).filter(v -> suppliersOf[v].length > 0).toArray();
    }

    /** Firms that sell to at least one customer, ascending. */
    int[] sellers() {
        return java.util.stream.IntStream.range(0, customersOf.length).filter(v -> customersOf[v].length > 0).toArray();
    }

    boolean hasRelation(int supplier, int customer) {
        return Arrays.binarySearch(suppliersOf[customer], supplier) >= 0;
    }

    /** All relations as {customer, supplier} index pairs, grouped by customer. */
    int[][] relations() {
        int[][] out = new int[relationCount][];
        int k = 0;
        for (int c = 0; c < suppliersOf.length; c++) {
            for (int s : suppliersOf[c]) {
                out[k++] = new int[] {c, s};
            }
        }
        return out;
    }

    /**
     * The undirected projection (无向投影) the classic JGraphT indices work on: one vertex per firm
     * (its index), one edge per pair of firms related in either direction. O(n + m).
     */
    Graph<Integer, DefaultEdge> undirectedProjection() {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < ids.size(); v++) {
            g.addVertex(v);
        }
        for (int c = 0; c < suppliersOf.length; c++) {
            for (int s : suppliersOf[c]) {
                g.addEdge(c, s); // SimpleGraph ignores the reverse duplicate
            }
        }
        return g;
    }
}
