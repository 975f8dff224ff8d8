package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableFileException;

import org.apache.poi.ss.util.CellReference;

/**
 * Which file column holds which column of a format, from the header row: by key, Chinese name, template
 * header or alias, ignoring case, spaces, asterisks and full-width brackets; a unit in brackets must be the
 * column's. Unknown columns are ignored (and listed); a missing required or doubled column rejects the file.
 */
public final class HeaderMapping {

    private static final Pattern UNIT = Pattern.compile("(.+)\\((.+)\\)");
    /** Unknown columns listed in the result (a header of thousands of junk columns must not bloat every job). */
    private static final int MAX_IGNORED_LISTED = 50;
    /** Header text kept per column: it is repeated in every problem of the column. */
    private static final int MAX_HEADER_CHARS = 50;

    /** file column index → format column */
    private final Map<Integer, Column> mapped = new TreeMap<>();
    private final Map<String, Integer> indexOfKey = new HashMap<>();
    private final Map<String, String> headerText = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();

    public HeaderMapping(ImportFormat format, RawRow row) {
        Map<String, Column> byName = new HashMap<>();
        for (Column c : format.columns()) {
            byName.put(Text.headerKey(c.key()), c);
            byName.put(Text.headerKey(c.zh()), c);
            byName.put(Text.headerKey(c.header()), c);
            c.aliases().forEach(a -> byName.put(Text.headerKey(a), c));
        }
        List<String> fileProblems = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String text = row.cell(i);
            String key = Text.headerKey(text).replace('（', '(').replace('）', ')');
            if (key.isEmpty()) {
                continue;
            }
            Column c = byName.get(key);
            if (c == null) {
                Matcher m = UNIT.matcher(key);
                if (m.matches() && byName.containsKey(m.group(1))) {
                    c = byName.get(m.group(1));
                    if (c.unit() == null || !c.unit().equalsIgnoreCase(m.group(2))) {
                        fileProblems.add("列“" + shown(text) + "”的单位应为" + (c.unit() == null ? "空 (只填数字)" : " " + c.unit()));
                        continue;
                    }
                }
            }
            if (c == null) {
                if (ignored.size() < MAX_IGNORED_LISTED) {
                    ignored.add(shown(text));
                }
                continue;
            }
            if (indexOfKey.containsKey(c.key())) {
                fileProblems.add("列“" + c.zh() + "”出现了两次 (第 " + letter(indexOfKey.get(c.key())) + " 列和第 " + letter(i) + " 列)");
                continue;
            }
            mapped.put(i, c);
            indexOfKey.put(c.key(), i);
            headerText.put(c.key(), shown(text));
        }
        if (mapped.isEmpty()) {
            throw new TableFileException("第 " + row.rowNumber() + " 行不是“" + format.zh() + "”的表头：一个列名也不认识。是否选错了导入类型？应有列: "
                    + String.join("、", format.columns().stream().map(Column::header).toList()),
                    "Row " + row.rowNumber() + " is not a header of format '" + format.id() + "': no known column");
        }
        List<String> missing = format.columns().stream().filter(Column::required)
                .filter(c -> !indexOfKey.containsKey(c.key())).map(Column::zh).toList();
        if (!missing.isEmpty()) {
            fileProblems.add("缺少必填列: " + String.join("、", missing));
        }
        if (!fileProblems.isEmpty()) {
            throw new TableFileException("表头有误: " + String.join("；", fileProblems),
                    "Header problems: " + fileProblems.size() + " (missing or duplicated columns, wrong unit)");
        }
    }

    private static String shown(String headerCell) {
        return Text.clip(headerCell.strip(), MAX_HEADER_CHARS);
    }

    /** The mapped columns by file column index, in file order. */
    public Set<Map.Entry<Integer, Column>> byIndex() {
        return mapped.entrySet();
    }

    public Collection<Column> columns() {
        return mapped.values();
    }

    /** The file column index of a format column, or null when the file lacks it. */
    public Integer index(String columnKey) {
        return indexOfKey.get(columnKey);
    }

    /** The column letter (A, B, …) of a format column, or "" when the file lacks it. */
    public String letterOf(String columnKey) {
        Integer index = indexOfKey.get(columnKey);
        return index == null ? "" : letter(index);
    }

    /** The header as the file wrote it (shortened), or "" when the file lacks the column. */
    public String headerOf(String columnKey) {
        return headerText.getOrDefault(columnKey, "");
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }

    public static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }
}
