package com.chainatlas.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.region.RegionCatalog;

/**
 * Parses one cell by its column: returns the normalised value (String, Double, Long, Boolean, ISO date
 * String, List of String) or a Chinese reason why it is not acceptable.
 */
public final class Fields {

    /** A parse outcome: {@code value} (null for an empty optional cell) or {@code error}. */
    public record Parsed(Object value, String error) {
        static Parsed ok(Object v) {
            return new Parsed(v, null);
        }

        static Parsed bad(String reason) {
            return new Parsed(null, reason);
        }
    }

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?|\\.\\d+");
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[T ].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern LIST_SEP = Pattern.compile("[;；、,，|\\n]");
    private static final Map<String, Double> MONEY = Map.of("元", 1.0, "万元", 1e4, "万", 1e4, "亿元", 1e8, "亿", 1e8);
    /** How Excel shows a long number it stored in a number cell, e.g. 9.134010410000001E+17. */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern EXCEL_DECIMAL = Pattern.compile("\\d+\\.0+");
    private static final Pattern ALL_DIGITS_SHORT = Pattern.compile("\\d{1,17}");
    static final String EXCEL_FIX = "请把该列单元格格式设为“文本”后重新输入代码，或在代码前加英文单引号 '";
    static final String EXCEL_NUMBER = "Excel 把这个代码存成了数字 (末几位已丢失，显示为科学计数法)，无法还原。" + EXCEL_FIX;
    private static final int MAX_ID = 100;
    private static final int MAX_TEXT = 2000;

    private final RegionCatalog regions;

    public Fields(RegionCatalog regions) {
        this.regions = regions;
    }

    public Parsed parse(Column c, String raw) {
        String cell = raw == null ? "" : TableWriter.unneutralise(raw);
        if (Text.code(cell).isEmpty()) {
            return c.required() ? Parsed.bad("必填项为空") : Parsed.ok(null);
        }
        return switch (c.type()) {
            case ID -> id(cell);
            case NAME, ENTERPRISE -> text(Text.name(cell));
            case TEXT -> text(Text.freeText(cell));
            case USCC -> uscc(cell);
            case REGION -> region(cell);
            case DECIMAL -> decimal(c, cell);
            case INTEGER -> integer(c, cell);
            case SHARE -> share(cell);
            case DATE -> date(cell);
            case YEAR -> year(cell);
            case BOOLEAN -> bool(cell);
            case CHOICE -> choice(c, cell);
            case ID_LIST -> list(cell, true);
            case NAME_LIST -> list(cell, false);
        };
    }

    private static Parsed id(String cell) {
        String v = Text.code(cell);
        if (v.length() > MAX_ID) {
            return Parsed.bad("编号过长 (最多 " + MAX_ID + " 个字符)");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                return Parsed.bad("编号含有控制字符");
            }
        }
        return Parsed.ok(v);
    }

    private static Parsed text(String v) {
        if (v.length() > MAX_TEXT) {
            return Parsed.bad("文本过长 (最多 " + MAX_TEXT + " 个字符)");
        }
        return Parsed.ok(v);
    }

    private static Parsed uscc(String cell) {
        // a leading ' (how Excel is told "text") may survive into a CSV
        String code = Uscc.normalise(cell.startsWith("'") ? cell.substring(1) : cell);
        if (Uscc.isValid(code)) {
            return Parsed.ok(code); // the common case in bulk files: one pass, no pattern
        }
        if (Uscc.isProvisional(code)) {
            return Parsed.ok(code); // an exported provisional key (无信用代码) stands for itself
        }
        if (SCIENTIFIC.matcher(code).matches() || EXCEL_DECIMAL.matcher(code).matches()) {
            return Parsed.bad(EXCEL_NUMBER);
        }
        String problem = Uscc.problem(code).orElseThrow();
        if (ALL_DIGITS_SHORT.matcher(code).matches()) {
            return Parsed.bad(problem + "。若在 Excel 中录入，前面的 0 可能已被当作数字去掉：" + EXCEL_FIX);
        }
        return Parsed.bad(problem);
    }

    private Parsed region(String cell) {
        String v = Text.code(cell);
        if (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2); // a code typed into a number cell
        }
        if (!v.matches("\\d{6}")) {
            return Parsed.bad("行政区划代码须为 6 位数字");
        }
        if (!regions.exists(v)) {
            return Parsed.bad("行政区划代码不存在 (或已撤销): " + v);
        }
        return Parsed.ok(v);
    }

    /** Number with optional thousands separators, full-width digits and a money unit. */
    static Parsed number(String cell) {
        String v = Text.code(cell).replace('，', ',').replace('．', '.');
        if (v.startsWith("-")) {
            return Parsed.bad("不能为负数");
        }
        if (v.startsWith("+")) {
            v = v.substring(1);
        }
        if (v.contains(",")) {
            if (!GROUPED.matcher(v).matches()) {
                return Parsed.bad("数字格式不对 (千分位逗号位置不对，或使用了小数逗号)");
            }
            v = v.replace(",", "");
        }
        if (!PLAIN.matcher(v).matches()) {
            return Parsed.bad("不是数字");
        }
        double d = new BigDecimal(v).doubleValue();
        if (Double.isInfinite(d)) {
            return Parsed.bad("数字过大");
        }
        return Parsed.ok(d);
    }

    private static Parsed decimal(Column c, String cell) {
        String v = Text.code(cell);
        double factor = 1;
        for (var unit : List.of("亿元", "万元", "亿", "万", "元")) {
            if (v.endsWith(unit)) {
                if (c.unit() == null || !MONEY.containsKey(c.unit())) {
                    return Parsed.bad("此列不带单位，请只填数字");
                }
                factor = MONEY.get(unit) / MONEY.get(c.unit());
                v = v.substring(0, v.length() - unit.length());
                break;
            }
        }
        Parsed p = number(v);
        if (p.error() != null) {
            return p;
        }
        double d = (Double) p.value() * factor;
        return inRange(c, d);
    }

    private static Parsed inRange(Column c, double d) {
        if (c.min() != null && d < c.min()) {
            return Parsed.bad("数值须不小于 " + XlsxNumber.plain(c.min()));
        }
        if (c.max() != null && d > c.max()) {
            return Parsed.bad("数值须不大于 " + XlsxNumber.plain(c.max()));
        }
        return Parsed.ok(d);
    }

    private static Parsed integer(Column c, String cell) {
        Parsed p = number(cell);
        if (p.error() != null) {
            return p;
        }
        double d = (Double) p.value();
        if (d != Math.rint(d) || d > Long.MAX_VALUE / 2) {
            return Parsed.bad("须为整数");
        }
        Parsed r = inRange(c, d);
        return r.error() != null ? r : Parsed.ok((long) d);
    }

    private static Parsed share(String cell) {
        String v = Text.code(cell);
        boolean percent = v.endsWith("%");
        Parsed p = number(percent ? v.substring(0, v.length() - 1) : v);
        if (p.error() != null) {
            return p;
        }
        double d = (Double) p.value();
        if (percent) {
            d /= 100;
        }
        if (d > 1) {
            return Parsed.bad("比例须在 0–1 之间 (或 0%–100%)");
        }
        return Parsed.ok(d);
    }

    static Parsed date(String cell) {
        String v = Text.code(cell);
        Matcher m = YMD.matcher(v);
        Matcher compact = COMPACT.matcher(v);
        int y;
        int mo;
        int d;
        if (m.matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            d = Integer.parseInt(m.group(3));
        } else if (compact.matches()) {
            y = Integer.parseInt(compact.group(1));
            mo = Integer.parseInt(compact.group(2));
            d = Integer.parseInt(compact.group(3));
        } else if (v.matches("\\d{5}(\\.0+)?")) {
            LocalDate excel = LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(v.replaceAll("\\..*", "")));
            return plausible(excel);
        } else {
            return Parsed.bad("日期格式不对，应为 年-月-日，如 2024-03-01");
        }
        try {
            return plausible(LocalDate.of(y, mo, d));
        } catch (DateTimeException e) {
            return Parsed.bad("日期不存在");
        }
    }

    private static Parsed plausible(LocalDate date) {
        if (date.getYear() < 1800 || date.isAfter(LocalDate.now().plusYears(30))) {
            return Parsed.bad("日期超出合理范围");
        }
        return Parsed.ok(date.toString());
    }

    private static Parsed year(String cell) {
        String v = Text.code(cell).replace("年", "");
        if (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2);
        }
        if (!v.matches("\\d{4}")) {
            return Parsed.bad("年份须为 4 位数字");
        }
        long y = Long.parseLong(v);
        if (y < 1900 || y > LocalDate.now().getYear() + 1) {
            return Parsed.bad("年份超出合理范围");
        }
        return Parsed.ok(y);
    }

    static Parsed bool(String cell) {
        return switch (Text.code(cell).toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√", "✓", "对" -> Parsed.ok(true);
            case "否", "n", "no", "false", "0", "×", "✗", "不是" -> Parsed.ok(false);
            default -> Parsed.bad("须填 是 或 否");
        };
    }

    private static Parsed choice(Column c, String cell) {
        String key = Text.code(cell);
        for (var e : c.choices().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key) || e.getValue().equalsIgnoreCase(key)) {
                return Parsed.ok(e.getValue());
            }
        }
        return Parsed.bad("取值须为: " + String.join("、", new LinkedHashSet<>(c.choices().keySet())));
    }

    private static Parsed list(String cell, boolean ids) {
        List<String> items = new ArrayList<>();
        for (String part : LIST_SEP.split(Text.halfWidth(cell))) {
            String v = ids ? Text.code(part) : Text.name(part);
            if (!v.isEmpty() && !items.contains(v)) {
                if (v.length() > (ids ? MAX_ID : MAX_TEXT)) {
                    return Parsed.bad("列表中有过长的值");
                }
                items.add(v);
            }
        }
        return Parsed.ok(List.copyOf(items));
    }

    /** Plain number text for messages. */
    static final class XlsxNumber {
        private XlsxNumber() {
        }

        static String plain(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
