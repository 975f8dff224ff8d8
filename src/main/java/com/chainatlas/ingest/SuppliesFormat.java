package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.DECIMAL;
import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;

import java.util.List;
import java.util.Set;

import com.chainatlas.enterprise.EnterpriseLinks;

/** 供应关系: a supplier supplies a customer (SUPPLIES), one relation per pair. */
final class SuppliesFormat implements FormatRules<SuppliesFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("supplies", "供应关系", "Supply relations (SUPPLIES)",
            "每行一条：供应商向客户供货。同一对供应商–客户只记一条。", List.of(
            Column.of("supplier", "供应商", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("91340104123456788E"),
            Column.of("customer", "客户", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例汽车"),
            Column.of("productId", "产品", ID).ref(RefKind.PRODUCT).example("P-LFP-CELL").aliases("产品编号"),
            Column.of("amount", "年供货金额", DECIMAL).unit("万元").range(0.0, null).example("800")),
            List.of("supplier", "customer"), null, SuppliesFormat::new);

    record Row(String supplier, String customer, String productId, Double amount, EnterpriseLinks.NodeIds nodeIds)
            implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return Set.of();
        }

        @Override
        public java.util.Collection<String> enterpriseKeys() {
            return java.util.Arrays.asList(supplier, customer);
        }
    }

    @Override
    public RefIndex.EnterpriseRelation writes() {
        return RefIndex.EnterpriseRelation.SUPPLIES;
    }

    @Override
    public void check(RowContext row) {
        if (row.get("supplier").equals(row.get("customer"))) {
            row.problem("customer", "供应商与客户是同一家企业");
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("supplier"), r.text("customer"), r.text("productId"), r.decimal("amount"),
                r.nodeIds("supplier", "customer", RefIndex.EnterpriseRelation.SUPPLIES));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.enterprises().writeSupplies(rows.stream().map(r -> new EnterpriseLinks.Supply(r.supplier(), r.customer(),
                r.productId(), r.amount())).toList(), rows.stream().map(Row::nodeIds).toList());
    }
}
