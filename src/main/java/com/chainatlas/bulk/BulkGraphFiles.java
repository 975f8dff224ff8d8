package com.chainatlas.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;

/**
 * The neo4j-admin files of one bulk load: the nodes and relationships with the labels, properties and keys the
 * importer's writers give them ({@code ChainWriter}, {@code EnterpriseWriter}, {@code RegionLoader}), one file per
 * label or relationship type.
 *
 * <p>Nodes are numbered here, in writing order from 0, and the import runs with {@code --id-type=actual}: the numbers
 * are the node record ids, and relationships name their ends by them. The import tool then keeps no id map of its own
 * (at 1 M enterprises its run fell from 93 s with the natural keys as string ids to 39–46 s, docs/scale.md). The natural keys (credit code, segment/product/chain id, region code) stay
 * properties, as the importer stores them; {@link IdSpace} maps them to the numbers. Enterprises, the many, are not
 * looked up by key: their node ids are consecutive in file order, so an enterprise's id is the first one's plus
 * its {@link BulkRefs} number, which the row carries.
 */
final class BulkGraphFiles implements AutoCloseable {

    private final List<Group> groups = new ArrayList<>();
    private final AdminCsv regions;
    private final AdminCsv within;
    private final AdminCsv chains;
    private final AdminCsv segments;
    private final AdminCsv hasSegment;
    private final AdminCsv partOf;
    private final AdminCsv products;
    private final AdminCsv productSegment;
    private final AdminCsv inputTo;
    private final AdminCsv enterprises;
    private final AdminCsv locatedIn;
    private final AdminCsv memberships;
    private final AdminCsv makes;
    private final AdminCsv supplies;

    /** The next node id; nodes are written by one thread at a time (the files that define nodes load in turn). */
    private long nextNodeId;
    private final IdSpace regionIds = new IdSpace();
    private final IdSpace chainIds = new IdSpace();
    private final IdSpace segmentIds = new IdSpace();
    private final IdSpace productIds = new IdSpace();
    /** The node id of enterprise number 0 (-1 before the first), and how many enterprises were written. */
    private long firstEnterpriseId = -1;
    private long enterprisesWritten;

    /**
     * References the writers could not number. Only rows without problems are written, but once a file has a problem
     * the rest of its rows are not, while their keys may still be referenced by later files; such a load is
     * rejected anyway. In a valid load this stays 0 ({@link BulkLoad} refuses to import otherwise).
     */
    private final AtomicLong unnumbered = new AtomicLong();

    /**
     * Natural key → node id of one label. Filled while its file is written, read by the later files' writers
     * (which run after it, several at once, reading only).
     */
    private final class IdSpace {
        private final Map<String, Long> ids = new HashMap<>();

        long assign(String key) {
            long id = nextNodeId++;
            if (ids.putIfAbsent(key, id) != null) {
                unnumbered.incrementAndGet(); // validation rejects duplicate keys: such a load is not imported
            }
            return id;
        }

        long of(String key) {
            Long id = ids.get(key);
            if (id == null) {
                unnumbered.incrementAndGet();
                return -1;
            }
            return id;
        }
    }

    /** Duplicate keys and references to nodes that were not written (see {@link #unnumbered}); 0 in a valid load. */
    long unnumbered() {
        return unnumbered.get();
    }

    /** A file and how the import command takes it ({@code --nodes=Label=file} or {@code --relationships=TYPE=file}). */
    record Group(boolean nodes, String name, AdminCsv csv) {
        String argument() {
            return (nodes ? "--nodes=" : "--relationships=") + name + "=" + csv.file;
        }
    }

    BulkGraphFiles(Path dir) {
        regions = node(dir, "Region", ":ID", "code", "name", "level", "parentCode", "fullName");
        within = rel(dir, "WITHIN", ":START_ID", ":END_ID");
        chains = node(dir, "Chain", ":ID", "id", "name", "description", "industryCodes:string[]", "sample:boolean");
        segments = node(dir, "Segment", ":ID", "id", "chainId", "name", "stage", "key:boolean", "valueAdded:long",
                "parentId", "description");
        hasSegment = rel(dir, "HAS_SEGMENT", ":START_ID", ":END_ID");
        partOf = rel(dir, "PART_OF", ":START_ID", ":END_ID");
        products = node(dir, "Product", ":ID", "id", "chainId", "name", "segmentId");
        productSegment = variant(dir, "IN_SEGMENT", "product", ":START_ID", ":END_ID");
        inputTo = rel(dir, "INPUT_TO", ":START_ID", ":END_ID");
        enterprises = node(dir, "Enterprise", ":ID", "uscc", "name", "shortName", "regionCode", "provinceCode",
                "cityCode", "countyCode", "zone", "revenue:double", "employees:long", "founded:date", "listed:date",
                "tags:string[]", "patents:long", "sample:boolean", "mainProducts", "businessScope", "industry",
                "provisional:boolean");
        locatedIn = rel(dir, "LOCATED_IN", ":START_ID", ":END_ID");
        memberships = variant(dir, "IN_SEGMENT", "enterprise", ":START_ID", ":END_ID");
        makes = rel(dir, "MAKES", ":START_ID", ":END_ID", "share:double");
        supplies = rel(dir, "SUPPLIES", ":START_ID", ":END_ID", "productId", "amount:double");
    }

    private AdminCsv node(Path dir, String label, String... header) {
        AdminCsv csv = new AdminCsv(dir.resolve("nodes-" + label + ".csv"), header);
        groups.add(new Group(true, label, csv));
        return csv;
    }

    private AdminCsv rel(Path dir, String type, String... header) {
        return variant(dir, type, "", header);
    }

    /** A second file of one relationship type (IN_SEGMENT from products and from enterprises). */
    private AdminCsv variant(Path dir, String type, String variant, String... header) {
        AdminCsv csv = new AdminCsv(dir.resolve("rels-" + type + (variant.isEmpty() ? "" : "-" + variant) + ".csv"), header);
        groups.add(new Group(false, type, csv));
        return csv;
    }

    /** The region tree, as {@code RegionLoader} stores it (the app then finds it complete and loads nothing). */
    void regions(RegionCatalog catalog) {
        List<Region> all = catalog.all();
        for (Region r : all) {
            regions.id(regionIds.assign(r.code())).text(r.code()).text(r.name()).text(r.level().name()).text(r.parentCode()).text(catalog.fullName(r.code()));
        }
        for (Region r : all) {
            if (r.parentCode() != null && catalog.exists(r.parentCode())) {
                within.id(regionIds.of(r.code())).id(regionIds.of(r.parentCode()));
            }
        }
    }

    /** As {@code ChainWriter.mergeChain}: an empty description is stored as "", not left out. */
    void chain(BulkRow r) {
        chains.id(chainIds.assign(r.text("id"))).text(r.text("id")).text(r.text("name")).text(nz(r.text("description"))).texts(r.list("industryCodes"))
                .flag(false);
    }

    /** As {@code ChainWriter.mergeSegments}; an empty 附加值等级 takes the chain model's default 3. */
    void segment(BulkRow r) {
        Object valueAdded = r.values().get("valueAdded");
        segments.id(segmentIds.assign(r.text("id"))).text(r.text("id")).text(r.text("chainId")).text(r.text("name")).text(r.text("stage"))
                .flag(Boolean.TRUE.equals(r.values().get("key")))
                .number(valueAdded == null ? 3L : ((Number) valueAdded).longValue())
                .text(r.text("parentId")).text(nz(r.text("description")));
        hasSegment.id(chainIds.of(r.text("chainId"))).id(segmentIds.of(r.text("id")));
        if (r.text("parentId") != null) {
            // a parent comes earlier in the file (the segments format's rule), so it is numbered already
            partOf.id(segmentIds.of(r.text("id"))).id(segmentIds.of(r.text("parentId")));
        }
    }

    /** As {@code ChainWriter.mergeProducts} (the chain, when the row names none, is its segment's). */
    void product(BulkRow r) {
        products.id(productIds.assign(r.text("id"))).text(r.text("id")).text(r.text("chainId")).text(r.text("name")).text(r.text("segmentId"));
        productSegment.id(productIds.of(r.text("id"))).id(segmentIds.of(r.text("segmentId")));
        for (String input : r.list("inputIds")) {
            inputTo.id(productIds.of(input)).id(productIds.of(r.text("id"))); // inputs come earlier in the file
        }
    }

    /**
     * As {@code EnterpriseWriter.createEnterprises} + {@code writeProfiles}: province/city/county codes beside
     * LOCATED_IN, {@code sample = false}, {@code provisional} only on enterprises without a credit code.
     */
    void enterprise(BulkRow r) {
        String code = r.text("regionCode");
        long id = nextNodeId++;
        if (firstEnterpriseId < 0) {
            firstEnterpriseId = id;
        }
        if (r.number() != enterprisesWritten++) {
            unnumbered.incrementAndGet(); // numbers must follow writing order, else every later end would be wrong
        }
        enterprises.id(id).text(r.text("uscc")).text(r.text("name")).text(r.text("shortName")).text(code)
                .text(code.substring(0, 2) + "0000")
                .text(code.endsWith("0000") ? null : code.substring(0, 4) + "00")
                .text(code.endsWith("00") ? null : code)
                .text(r.text("zone")).number(number(r, "revenue")).number(whole(r, "employees"))
                .text(r.text("founded")).text(r.text("listed")).texts(r.list("tags")).number(whole(r, "patents"))
                .flag(false).text(r.text("mainProducts")).text(r.text("businessScope")).text(r.text("industry"))
                .flag(r.provisional() ? Boolean.TRUE : null);
        locatedIn.id(id).id(regionIds.of(code));
        for (String segment : r.list("segmentIds")) {
            memberships.id(id).id(segmentIds.of(segment));
        }
    }

    void membership(BulkRow r) {
        memberships.id(enterpriseId(r, "enterprise")).id(segmentIds.of(r.text("segmentId")));
    }

    void makes(BulkRow r) {
        makes.id(enterpriseId(r, "enterprise")).id(productIds.of(r.text("productId"))).number(number(r, "share"));
    }

    void supply(BulkRow r) {
        supplies.id(enterpriseId(r, "supplier")).id(enterpriseId(r, "customer")).text(r.text("productId")).number(number(r, "amount"));
    }

    /** The node id of the enterprise a reference column names (read after the enterprises file is written). */
    private long enterpriseId(BulkRow r, String key) {
        int number = r.enterpriseNumber(key);
        if (number < 0 || number >= enterprisesWritten) {
            unnumbered.incrementAndGet();
            return -1;
        }
        return firstEnterpriseId + number;
    }

    private static Double number(BulkRow r, String key) {
        Object v = r.values().get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Long whole(BulkRow r, String key) {
        Object v = r.values().get(key);
        return v == null ? null : ((Number) v).longValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The import command's file arguments (files without any line are left out). */
    List<String> arguments() {
        return groups.stream().filter(g -> g.csv().lines() > 0).map(Group::argument).toList();
    }

    boolean multiline() {
        return groups.stream().anyMatch(g -> g.csv().multiline());
    }

    @Override
    public void close() {
        groups.forEach(g -> g.csv().close());
    }
}
