package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.TEXT;

import java.util.List;
import java.util.Set;

import com.chainatlas.chain.ChainModel;

/** 产业链: one chain per row. */
final class ChainsFormat implements FormatRules<ChainsFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("chains", "产业链", "Chains",
            "每行一条产业链。", List.of(
            Column.of("id", "产业链编号", ID).mandatory().example("NEV").note("自定的唯一编号，其他文件用它引用本产业链"),
            Column.of("name", "名称", NAME).mandatory().example("新能源汽车"),
            Column.of("description", "说明", TEXT).example("整车、动力电池、电驱电控及充换电"),
            Column.of("industryCodes", "行业代码", ID_LIST).example("C3612;C3841").note("GB/T 4754-2017 行业代码，可填多个")),
            List.of("id"), RefKind.CHAIN, ChainsFormat::new);

    record Row(String id, String name, String description, List<String> industryCodes) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return Set.of(id);
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("id"), r.text("name"), r.text("description"), r.list("industryCodes"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        rows.forEach(r -> w.chains().mergeChain(new ChainModel.Chain(r.id(), r.name(), r.description(), r.industryCodes(), false)));
    }
}
