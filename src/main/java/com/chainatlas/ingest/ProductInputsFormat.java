package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ID;

import java.util.List;
import java.util.Set;

import com.chainatlas.chain.ChainModel;

/** 产品投入: an input goes into a product (INPUT_TO). */
final class ProductInputsFormat implements FormatRules<ProductInputsFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("product-inputs", "产品投入", "Product inputs (INPUT_TO)",
            "每行一条投入关系：投入品用于生产产品。", List.of(
            Column.of("inputId", "投入品", ID).mandatory().ref(RefKind.PRODUCT).example("P-LFP").aliases("投入品编号"),
            Column.of("productId", "产品", ID).mandatory().ref(RefKind.PRODUCT).example("磷酸铁锂电芯").aliases("产品编号")),
            List.of("inputId", "productId"), null, ProductInputsFormat::new);

    record Row(String inputId, String productId) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return Set.of();
        }
    }

    @Override
    public void check(RowContext row) {
        if (row.get("inputId").equals(row.get("productId"))) {
            row.problem("inputId", "产品不能以自身为投入品");
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("inputId"), r.text("productId"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.chains().mergeProductInputs(rows.stream().map(r -> new ChainModel.ProductInput(r.inputId(), r.productId())).toList());
    }
}
