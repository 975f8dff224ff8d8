package com.chainatlas.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;

/**
 * The neo4j-admin files of one bulk load: the nodes and relationships with the labels, properties and keys the
 * importer's writers give them ({@code ChainWriter}, {@code EnterpriseWriter}, {@code RegionLoader}), one file per
 * label or relationship type. Id spaces are the natural keys (credit code, segment/product/chain id, region code).
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

    /** A file and how the import command takes it ({@code --nodes=Label=file} or {@code --relationships=TYPE=file}). */
    record Group(boolean nodes, String name, AdminCsv csv) {
        String argument() {
            return (nodes ? "--nodes=" : "--relationships=") + name + "=" + csv.file;
        }
    }

    BulkGraphFiles(Path dir) {
        regions = node(dir, "Region", "code:ID(Region)", "name", "level", "parentCode", "fullName");
        within = rel(dir, "WITHIN", ":START_ID(Region)", ":END_ID(Region)");
        chains = node(dir, "Chain", "id:ID(Chain)", "name", "description", "industryCodes:string[]", "sample:boolean");
        segments = node(dir, "Segment", "id:ID(Segment)", "chainId", "name", "stage", "key:boolean", "valueAdded:long",
                "parentId", "description");
        hasSegment = rel(dir, "HAS_SEGMENT", ":START_ID(Chain)", ":END_ID(Segment)");
        partOf = rel(dir, "PART_OF", ":START_ID(Segment)", ":END_ID(Segment)");
        products = node(dir, "Product", "id:ID(Product)", "chainId", "name", "segmentId");
        productSegment = variant(dir, "IN_SEGMENT", "product", ":START_ID(Product)", ":END_ID(Segment)");
        inputTo = rel(dir, "INPUT_TO", ":START_ID(Product)", ":END_ID(Product)");
        enterprises = node(dir, "Enterprise", "uscc:ID(Enterprise)", "name", "shortName", "regionCode", "provinceCode",
                "cityCode", "countyCode", "zone", "revenue:double", "employees:long", "founded:date", "listed:date",
                "tags:string[]", "patents:long", "sample:boolean", "mainProducts", "businessScope", "industry",
                "provisional:boolean");
        locatedIn = rel(dir, "LOCATED_IN", ":START_ID(Enterprise)", ":END_ID(Region)");
        memberships = variant(dir, "IN_SEGMENT", "enterprise", ":START_ID(Enterprise)", ":END_ID(Segment)");
        makes = rel(dir, "MAKES", ":START_ID(Enterprise)", ":END_ID(Product)", "share:double");
        supplies = rel(dir, "SUPPLIES", ":START_ID(Enterprise)", ":END_ID(Enterprise)", "productId", "amount:double");
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
        for (Region r : catalog.all()) {
            regions.text(r.code()).text(r.name()).text(r.level().name()).text(r.parentCode()).text(catalog.fullName(r.code()));
            if (r.parentCode() != null && catalog.exists(r.parentCode())) {
                within.text(r.code()).text(r.parentCode());
            }
        }
    }

    /** As {@code ChainWriter.mergeChain}: an empty description is stored as "", not left out. */
    void chain(BulkRow r) {
        chains.text(r.text("id")).text(r.text("name")).text(nz(r.text("description"))).texts(r.list("industryCodes"))
                .flag(false);
    }

    /** As {@code ChainWriter.mergeSegments}; an empty 附加值等级 takes the chain model's default 3. */
    void segment(BulkRow r) {
        Object valueAdded = r.values().get("valueAdded");
        segments.text(r.text("id")).text(r.text("chainId")).text(r.text("name")).text(r.text("stage"))
                .flag(Boolean.TRUE.equals(r.values().get("key")))
                .number(valueAdded == null ? 3L : ((Number) valueAdded).longValue())
                .text(r.text("parentId")).text(nz(r.text("description")));
        hasSegment.text(r.text("chainId")).text(r.text("id"));
        if (r.text("parentId") != null) {
            partOf.text(r.text("id")).text(r.text("parentId"));
        }
    }

    /** As {@code ChainWriter.mergeProducts} (the chain, when the row names none, is its segment's). */
    void product(BulkRow r) {
        products.text(r.text("id")).text(r.text("chainId")).text(r.text("name")).text(r.text("segmentId"));
        productSegment.text(r.text("id")).text(r.text("segmentId"));
        for (String input : r.list("inputIds")) {
            inputTo.text(input).text(r.text("id"));
        }
    }

    /**
     * As {@code EnterpriseWriter.createEnterprises} + {@code writeProfiles}: province/city/county codes beside
     * LOCATED_IN, {@code sample = false}, {@code provisional} only on enterprises without a credit code.
     */
    void enterprise(BulkRow r) {
        String code = r.text("regionCode");
        enterprises.text(r.text("uscc")).text(r.text("name")).text(r.text("shortName")).text(code)
                .text(code.substring(0, 2) + "0000")
                .text(code.endsWith("0000") ? null : code.substring(0, 4) + "00")
                .text(code.endsWith("00") ? null : code)
                .text(r.text("zone")).number(number(r, "revenue")).number(whole(r, "employees"))
                .text(r.text("founded")).text(r.text("listed")).texts(r.list("tags")).number(whole(r, "patents"))
                .flag(false).text(r.text("mainProducts")).text(r.text("businessScope")).text(r.text("industry"))
                .flag(r.provisional() ? Boolean.TRUE : null);
        locatedIn.text(r.text("uscc")).text(code);
        for (String segment : r.list("segmentIds")) {
            memberships.text(r.text("uscc")).text(segment);
        }
    }

    void membership(BulkRow r) {
        memberships.text(r.text("enterprise")).text(r.text("segmentId"));
    }

    void makes(BulkRow r) {
        makes.text(r.text("enterprise")).text(r.text("productId")).number(number(r, "share"));
    }

    void supply(BulkRow r) {
        supplies.text(r.text("supplier")).text(r.text("customer")).text(r.text("productId")).number(number(r, "amount"));
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
