package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.NAME;

import java.util.List;
import java.util.Set;

import com.chainatlas.chain.ChainModel;

/** 产品: one product per row, in its segment's chain; inputs must exist or come earlier. */
final class ProductsFormat implements FormatRules<ProductsFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("products", "产品", "Products",
            "每行一个产品；投入品须已存在或在本文件前面的行中。", List.of(
            Column.of("id", "产品编号", ID).mandatory().example("P-LFP-CELL"),
            Column.of("name", "名称", NAME).mandatory().example("磷酸铁锂电芯"),
            Column.of("segmentId", "所属环节", ID).mandatory().ref(RefKind.SEGMENT).example("电芯").aliases("环节", "环节编号"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号").note("可省略：取所属环节的产业链"),
            Column.of("inputIds", "投入品", ID_LIST).ref(RefKind.PRODUCT).example("P-LFP;P-ELECTROLYTE")),
            List.of("id"), RefKind.PRODUCT, ProductsFormat::new);

    record Row(String id, String chainId, String name, String segmentId, List<String> inputIds) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    @Override
    public void check(RowContext row) {
        String segmentChain = row.chainOf(RefKind.SEGMENT, row.text("segmentId"));
        Object chain = row.get("chainId");
        if (chain == null) {
            row.set("chainId", segmentChain);
        } else if (segmentChain != null && !segmentChain.equals(chain)) {
            row.problem("chainId", "所属环节属于产业链 " + segmentChain + "，与此列不符");
        }
        if (row.list("inputIds").contains(row.text("id"))) {
            row.problem("inputIds", "产品不能以自身为投入品");
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("id"), r.text("chainId"), r.text("name"), r.text("segmentId"), r.list("inputIds"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.chains().mergeProducts(rows.stream().map(r -> new ChainModel.Product(r.id(), r.chainId(), r.name(),
                r.segmentId(), r.inputIds())).toList());
    }
}
