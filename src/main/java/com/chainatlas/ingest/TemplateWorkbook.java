package com.chainatlas.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.system.ApiProblem;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The .xlsx import template, written with POI directly (the streaming table writer has no styles or
 * validations): code columns (信用代码, 区划代码, 编号) are formatted as text ("@") so Excel keeps all-digit codes
 * as typed; the 说明 sheet explains every column and, with a chain, lists its segments (id, name, path) and
 * products; columns naming a segment or product get a drop-down of the chain's paths/names (from a hidden sheet).
 * The drop-down does not block other input: ids and names typed by hand stay valid.
 */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
class TemplateWorkbook {

    /** Rows of the data sheet that carry the text format and the drop-downs. */
    static final int PREPARED_ROWS = 2_000;
    private static final int MAX_LISTED = 5_000;
    private static final Set<FieldType> CODES = EnumSet.of(FieldType.USCC, FieldType.REGION, FieldType.ID,
            FieldType.ID_LIST, FieldType.ENTERPRISE);

    private final Neo4jClient neo4j;

    TemplateWorkbook(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A segment or product of the chain, as the 说明 sheet lists it. */
    record Item(String id, String name, String path) {
    }

    /** The chain's id for an id or name; 404 when there is none. */
    String chainId(String ref) {
        return neo4j.query("MATCH (c:Chain) WHERE c.id = $ref OR c.name = $ref RETURN c.id ORDER BY c.id LIMIT 1")
                .bind(ref).to("ref").fetchAs(String.class).one()
                .orElseThrow(() -> ApiProblem.notFound("产业链", "Chain", ref));
    }

    List<Item> segments(String chainId) {
        Map<String, String[]> byId = new HashMap<>();
        List<String> order = new ArrayList<>();
        neo4j.query("MATCH (s:Segment {chainId: $chain}) RETURN s.id AS id, s.name AS name, s.parentId AS parent ORDER BY s.id")
                .bind(chainId).to("chain").fetch().all().forEach(r -> {
                    String id = (String) r.get("id");
                    byId.put(id, new String[]{(String) r.get("name"), (String) r.get("parent")});
                    order.add(id);
                });
        List<Item> items = new ArrayList<>();
        for (String id : order) {
            List<String> names = new ArrayList<>();
            for (String x = id; x != null && byId.containsKey(x) && names.size() < 20; x = byId.get(x)[1]) {
                names.add(0, byId.get(x)[0]);
            }
            items.add(new Item(id, byId.get(id)[0], String.join("/", names)));
        }
        items.sort((a, b) -> a.path().compareTo(b.path()));
        return items.subList(0, Math.min(items.size(), MAX_LISTED));
    }

    List<Item> products(String chainId) {
        return neo4j.query("MATCH (p:Product {chainId: $chain}) RETURN p.id AS id, p.name AS name ORDER BY p.name, p.id LIMIT $max")
                .bind(chainId).to("chain").bind(MAX_LISTED).to("max").fetch().all().stream()
                .map(r -> new Item((String) r.get("id"), (String) r.get("name"), (String) r.get("name"))).toList();
    }

    /** Writes the template of {@code format}; {@code chainRef} (id or name, or null) adds its segments and drop-downs. */
    void write(ImportFormat format, String chainRef, OutputStream out) throws IOException {
        String chain = chainRef == null ? null : chainId(chainRef);
        List<Item> segments = chain == null ? List.of() : segments(chain);
        List<Item> products = chain == null ? List.of() : products(chain);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            bold.setDataFormat(text.getDataFormat());

            Sheet data = wb.createSheet(format.zh());
            Row header = data.createRow(0);
            List<String> headers = ImportTemplates.headers(format);
            for (int i = 0; i < headers.size(); i++) {
                Column c = format.columns().get(i);
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                data.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3 + 4)) * 256);
                if (CODES.contains(c.type())) {
                    data.setDefaultColumnStyle(i, text);
                    for (int r = 1; r <= PREPARED_ROWS; r++) {
                        Row row = data.getRow(r) != null ? data.getRow(r) : data.createRow(r);
                        row.createCell(i).setCellStyle(text);
                    }
                }
            }
            data.createFreezePane(0, 1);
            choiceDropDowns(data, format);

            Sheet notes = wb.createSheet("说明");
            int n = 0;
            n = row(notes, n, bold, "列名", "英文键", "必填", "格式", "单位", "可选值", "说明", "示例");
            for (Column c : format.columns()) {
                n = row(notes, n, null, c.zh(), c.key(), c.required() ? "是" : "否", c.type().noteZh,
                        c.unit() == null ? "" : c.unit(), String.join("、", new LinkedHashSet<>(c.choices().keySet())),
                        ImportTemplates.note(c), c.example());
            }
            n++;
            for (String line : ImportTemplates.generalNotes(format)) {
                n = row(notes, n, null, line);
            }
            n++;
            if (chain == null) {
                n = row(notes, n, null, "下载模板时选择产业链 (?chain=产业链编号或名称)，此处会列出该链的环节与产品，相应列带下拉选择。");
            } else {
                n = row(notes, n, bold, "产业链 " + chain + " 的环节 (环节列可填 编号、名称 或 路径)");
                n = row(notes, n, bold, "环节编号", "名称", "路径");
                if (segments.isEmpty()) {
                    n = row(notes, n, null, "(该产业链还没有环节：请先导入产业链环节，第 1 步)");
                }
                for (Item s : segments) {
                    n = row(notes, n, null, s.id(), s.name(), s.path());
                }
                if (!products.isEmpty()) {
                    n++;
                    n = row(notes, n, bold, "产品编号", "产品名称");
                    for (Item p : products) {
                        n = row(notes, n, null, p.id(), p.name());
                    }
                }
                dropDowns(wb, data, format, segments, products);
            }
            notes.setColumnWidth(0, 30 * 256);
            notes.setColumnWidth(6, 50 * 256);
            wb.write(out);
        }
    }

    /**
     * Columns with a fixed set of values (事件类型, 阶段, 类型 …): an explicit drop-down of their Chinese names. Other
     * input is warned about, not blocked (the import also accepts the English keys and reports anything else).
     */
    private static void choiceDropDowns(Sheet data, ImportFormat format) {
        DataValidationHelper helper = data.getDataValidationHelper();
        for (int i = 0; i < format.columns().size(); i++) {
            Column c = format.columns().get(i);
            if (c.type() != FieldType.CHOICE || c.choices().isEmpty()) {
                continue;
            }
            DataValidation v = helper.createValidation(
                    helper.createExplicitListConstraint(new LinkedHashSet<>(c.choices().keySet()).toArray(String[]::new)),
                    new CellRangeAddressList(1, PREPARED_ROWS, i, i));
            v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            v.setShowErrorBox(true);
            v.createErrorBox(c.zh(), "请从下拉中选择：" + String.join("、", new LinkedHashSet<>(c.choices().keySet())));
            data.addValidationData(v);
        }
    }

    /** Segment and product columns: a list validation over the hidden sheet's paths or names. */
    private static void dropDowns(XSSFWorkbook wb, Sheet data, ImportFormat format, List<Item> segments, List<Item> products) {
        Sheet lists = wb.createSheet("_lists");
        for (int i = 0; i < Math.max(segments.size(), products.size()); i++) {
            Row r = lists.createRow(i);
            if (i < segments.size()) {
                r.createCell(0).setCellValue(segments.get(i).path());
            }
            if (i < products.size()) {
                r.createCell(1).setCellValue(products.get(i).name());
            }
        }
        wb.setSheetHidden(wb.getSheetIndex(lists), true);
        DataValidationHelper helper = data.getDataValidationHelper();
        for (int i = 0; i < format.columns().size(); i++) {
            Column c = format.columns().get(i);
            List<Item> items = c.ref() == RefKind.SEGMENT ? segments : c.ref() == RefKind.PRODUCT ? products : List.of();
            if (items.isEmpty()) {
                continue;
            }
            String col = c.ref() == RefKind.SEGMENT ? "A" : "B";
            DataValidation v = helper.createValidation(
                    helper.createFormulaListConstraint("'_lists'!$" + col + "$1:$" + col + "$" + items.size()),
                    new CellRangeAddressList(1, PREPARED_ROWS, i, i));
            v.setShowErrorBox(false); // ids, names and several values (、) typed by hand stay allowed
            v.setShowPromptBox(true);
            v.createPromptBox(c.zh(), "可从下拉中选择，也可填" + c.ref().zh + "编号或名称" + (c.type() == FieldType.ID_LIST ? "；多个用 ; 分隔" : ""));
            data.addValidationData(v);
        }
    }

    private static int row(Sheet sheet, int index, CellStyle style, String... cells) {
        Row r = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            r.createCell(i).setCellValue(cells[i]);
            if (style != null) {
                r.getCell(i).setCellStyle(style);
            }
        }
        return index + 1;
    }
}
