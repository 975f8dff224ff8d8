package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.SHARE;

import java.util.List;
import java.util.Set;

import com.chainatlas.enterprise.EnterpriseLinks;

/** 企业产品: an enterprise makes a product (MAKES), with the product's share of its revenue if known. */
final class EnterpriseProductsFormat extends EnterpriseLinkRules<EnterpriseProductsFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("enterprise-products", "企业产品", "Enterprise products (MAKES)",
            "每行一条：企业生产某产品，可填该产品占企业收入的比例。", List.of(
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例新能源")
                    .aliases("企业名称", "统一社会信用代码"),
            Column.of("productId", "产品", ID).mandatory().ref(RefKind.PRODUCT).example("磷酸铁锂电芯").aliases("产品编号"),
            Column.of("share", "收入占比", SHARE).example("35%"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后产品名称只在本产业链中查找")),
            List.of("enterprise", "productId"), null, EnterpriseProductsFormat::new);

    /** @param chainId the product's chain */
    record Row(String enterprise, String productId, Double share, String chainId, EnterpriseLinks.NodeIds nodeIds)
            implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    EnterpriseProductsFormat() {
        super(RefKind.PRODUCT, "productId", RefIndex.EnterpriseRelation.MAKES);
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("enterprise"), r.text("productId"), r.decimal("share"), chainOf(r), nodeIds(r));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.enterprises().writeMakes(rows.stream().map(r -> new EnterpriseLinks.Makes(r.enterprise(), r.productId(), r.share()))
                .toList(), rows.stream().map(Row::nodeIds).toList());
    }
}
