package com.chainatlas.bulk;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.chainatlas.enterprise.EnterpriseLinks;
import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.Column;
import com.chainatlas.ingest.Fields;
import com.chainatlas.ingest.FormatRow;
import com.chainatlas.ingest.FormatRules;
import com.chainatlas.ingest.HeaderMapping;
import com.chainatlas.ingest.ImportFormat;
import com.chainatlas.ingest.KeyIndex;
import com.chainatlas.ingest.Problem;
import com.chainatlas.ingest.RefIndex;
import com.chainatlas.ingest.RefKind;
import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableFileException;
import com.chainatlas.ingest.table.TableReader;

/**
 * Validates one bulk file with the importer's own rules: its format's columns and header mapping
 * ({@link HeaderMapping}), field parsers ({@link Fields}), per-row and whole-file checks ({@link FormatRules}) and
 * duplicate keys ({@link KeyIndex}); references resolve against the earlier files of the load ({@link BulkRefs})
 * instead of the database, which is new. Valid rows go to the sink as they are read; the caller throws the
 * output away when any problem was found.
 */
final class BulkFileValidator {

    /** Problems listed per file (the importer's limit); all are counted. */
    static final int MAX_LISTED = 100;
    /** Batches (of {@code ReadAhead}'s 1,000 rows) parsed ahead of the in-order stage, per file. */
    private static final int MAX_IN_FLIGHT = 6;

    record Outcome(String format, Path file, long rowsRead, long problemCount, List<Problem> problems, double seconds) {
    }

    private final ImportFormat format;
    private final FormatRules<FormatRow> rules;
    private final Fields fields;
    private final BulkRefs refs;
    private final KeyIndex keys = new KeyIndex();
    /** Where the row-local work of independent rows runs (null: all in line). */
    private final ExecutorService workers;
    private boolean chunked;
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private long rowsRead;
    private HeaderMapping header;
    /** The keys of the header's enterprise reference columns; a row's enterprise numbers follow this order. */
    private List<String> enterpriseColumns = List.of();

    BulkFileValidator(ImportFormat format, Fields fields, BulkRefs refs) {
        this(format, fields, refs, null);
    }

    BulkFileValidator(ImportFormat format, Fields fields, BulkRefs refs, ExecutorService workers) {
        this.workers = workers;
        this.format = format;
        this.rules = format.newRules();
        this.fields = fields;
        this.refs = refs;
    }

    Outcome run(Path file, Consumer<BulkRow> sink) {
        long start = System.nanoTime();
        Deque<Future<List<Row>>> inFlight = new ArrayDeque<>();
        try {
            TableReader reader = TableReader.open(file, file.getFileName().toString());
            RuntimeException readError = null;
            try {
                ReadAhead.readBatches(reader, format.id(), batch -> batch(batch, inFlight, sink));
            } catch (TableFileException e) {
                readError = e; // reported after the rows read before it, as a sequential read would
            }
            while (!inFlight.isEmpty()) {
                finishAll(inFlight.poll(), sink);
            }
            if (readError != null) {
                throw readError;
            }
            if (header == null) {
                throw new TableFileException("文件中没有内容 (找不到表头行)", "No header row found");
            }
            if (rowsRead == 0) {
                throw new TableFileException("文件只有表头，没有数据行", "The file has a header but no data rows");
            }
            rules.finish(new FileContext());
        } catch (TableFileException e) {
            report(0, "", "", "", e.detailZh());
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
        return new Outcome(format.id(), file, rowsRead, problemCount, List.copyOf(problems), (System.nanoTime() - start) / 1e9);
    }

    /**
     * One batch of read rows: the header first; then either every row in line, or (files whose rows refer to
     * nothing the file itself defines) the batch's row-local work on a worker while this thread finishes earlier
     * batches in file order.
     */
    private void batch(List<RawRow> batch, Deque<Future<List<Row>>> inFlight, Consumer<BulkRow> sink) {
        int from = 0;
        while (header == null && from < batch.size()) {
            RawRow raw = batch.get(from++);
            if (!raw.isBlank()) {
                header = new HeaderMapping(format, raw);
                enterpriseColumns = header.columns().stream().filter(c -> c.ref() == RefKind.ENTERPRISE).map(Column::key).toList();
                chunked = workers != null && rowsAreIndependent();
            }
        }
        if (from == batch.size()) {
            return;
        }
        List<RawRow> rows = from == 0 ? batch : batch.subList(from, batch.size());
        if (chunked) {
            inFlight.add(workers.submit(() -> parseAll(rows)));
            while (inFlight.size() > MAX_IN_FLIGHT) {
                finishAll(inFlight.poll(), sink);
            }
        } else {
            for (RawRow raw : rows) {
                Row row = parse(raw);
                if (row != null) {
                    finish(row, sink);
                }
            }
        }
    }

    /**
     * Whether a row's parse and references can run apart from the rows before it: the file defines no chain
     * thing (a segment may name a parent defined a row earlier), and no column refers to what the file defines.
     */
    private boolean rowsAreIndependent() {
        RefKind defines = format.defines();
        return (defines == null || defines == RefKind.ENTERPRISE)
                && header.columns().stream().noneMatch(c -> c.ref() != null && c.ref() == defines);
    }

    private List<Row> parseAll(List<RawRow> rows) {
        List<Row> parsed = new ArrayList<>(rows.size());
        for (RawRow raw : rows) {
            Row row = parse(raw);
            if (row != null) {
                parsed.add(row);
            }
        }
        return parsed;
    }

    private void finishAll(Future<List<Row>> batch, Consumer<BulkRow> sink) {
        List<Row> rows;
        try {
            rows = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating " + format.id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (Row row : rows) {
            finish(row, sink);
        }
    }

    /**
     * The row-local part of a row's validation (reading error, field parsing, references, identity, duplicate key
     * hash): it only reads what earlier files (or, in line, earlier rows) defined. Its problems are held by the
     * row and reported by {@link #finish}, so the report keeps file order. Null for a blank row.
     */
    private Row parse(RawRow raw) {
        if (raw.error() == null && raw.isBlank()) {
            return null;
        }
        Row row = new Row(raw);
        if (raw.error() != null) {
            row.ok = false;
            row.held(null, raw.error());
        }
        for (var e : header.byIndex()) {
            Column c = e.getValue();
            Fields.Parsed p = fields.parse(c, raw.cell(e.getKey()));
            if (p.error() != null) {
                row.problem(c.key(), p.error());
                row.badCode |= "uscc".equals(c.key());
            } else if (p.value() != null) {
                row.values.put(c.key(), p.value());
            }
        }
        resolve(row, true);
        if (format.defines() != null && format.defines() != RefKind.ENTERPRISE) {
            Object id = row.values.get(format.keyColumns().get(0));
            Object chain = format.defines() == RefKind.CHAIN ? id : row.values.get("chainId");
            if (id != null) {
                refs.define(format.defines(), id.toString(), chain == null ? "" : chain.toString());
            }
        }
        resolve(row, false);
        if (format.defines() == RefKind.ENTERPRISE) {
            identity(row, row.badCode);
        }
        row.key = key(row);
        row.keyHash = row.key == null ? 0 : KeyIndex.hash(row.key);
        return row;
    }

    /** The order-dependent part, in file order: held problems, the format's row checks, duplicate keys, output. */
    private void finish(Row row, Consumer<BulkRow> sink) {
        rowsRead++;
        row.reportHeld();
        if (row.ok) {
            rules.check(row);
        }
        duplicate(row);
        if (row.ok) {
            int number = BulkRefs.NONE;
            if (format.defines() == RefKind.ENTERPRISE) {
                number = refs.defineEnterprise(row.text("uscc"), row.text("name"), row.text("shortName"));
            }
            if (problemCount == 0) {
                sink.accept(new BulkRow(row.rowNumber(), row.values, row.provisional, number, enterpriseColumns, row.enterpriseNumbers));
            }
        }
    }

    /** A row without a credit code is keyed by its provisional key (全称 + 区划), as the importer does. */
    private void identity(Row row, boolean badCode) {
        Object name = row.values.get("name");
        Object region = row.values.get("regionCode");
        if (row.values.get("uscc") == null && !badCode && name != null && region != null) {
            row.values.put("uscc", Uscc.provisionalKey(name.toString(), region.toString()));
        }
        Object uscc = row.values.get("uscc");
        row.provisional = uscc != null && Uscc.isProvisional(uscc.toString());
    }

    private void resolve(Row row, boolean chains) {
        for (Column c : header.columns()) {
            Object v = row.values.get(c.key());
            if (c.ref() == null || v == null || (c.ref() == RefKind.CHAIN) != chains) {
                continue;
            }
            if (c.ref() == RefKind.ENTERPRISE) {
                int number = refs.enterprise(v.toString());
                if (number != BulkRefs.NONE) {
                    row.values.put(c.key(), refs.uscc(number));
                    row.enterpriseNumbers[enterpriseColumns.indexOf(c.key())] = number;
                } else {
                    row.problem(c.key(), refs.enterpriseProblem(v.toString()));
                }
            } else if (v instanceof List<?> list) {
                List<String> unknown = new ArrayList<>();
                for (Object x : list) {
                    if (refs.chainOf(c.ref(), x.toString()) == null) {
                        unknown.add(x.toString());
                    }
                }
                if (!unknown.isEmpty()) {
                    row.problem(c.key(), "未找到" + c.ref().zh + ": " + String.join("、", unknown) + hint(c.ref()));
                }
                row.values.put(c.key(), List.copyOf(new LinkedHashSet<>(list.stream().map(Object::toString).toList())));
            } else if (refs.chainOf(c.ref(), v.toString()) == null) {
                row.problem(c.key(), "未找到" + c.ref().zh + " " + v + hint(c.ref()));
            }
        }
    }

    private String hint(RefKind kind) {
        return kind == format.defines() ? " (须已存在于系统中，或在本文件前面的行中)" : " (须在本次批量导入的文件中，按编号引用)";
    }

    /** The row's natural key (key columns joined), or null when one is empty (then it is not checked). */
    private String key(Row row) {
        StringBuilder key = new StringBuilder();
        for (String k : format.keyColumns()) {
            Object v = row.values.get(k);
            if (v == null) {
                return null;
            }
            key.append(v).append('\u0001');
        }
        return key.toString();
    }

    private void duplicate(Row row) {
        if (row.changed) { // a row check replaced a value: the key computed while parsing may be stale
            row.key = key(row);
            row.keyHash = row.key == null ? 0 : KeyIndex.hash(row.key);
        }
        if (row.key == null) {
            return;
        }
        int first = keys.putHashIfAbsent(row.keyHash, row.rowNumber());
        if (first > 0 && row.provisional) {
            row.problem("name", "与第 " + first + " 行同名同区划，且都没有信用代码：无法区分，请补填信用代码或合并为一行");
        } else if (first > 0) {
            row.problem(format.keyColumns().get(0), "与第 " + first + " 行重复 ("
                    + String.join("+", format.keyColumns().stream().map(k -> format.column(k).orElseThrow().zh()).toList())
                    + " 相同)");
        }
    }

    private void report(int rowNumber, String column, String headerText, String value, String reason) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            problems.add(new Problem(rowNumber, column, headerText == null ? "" : headerText, clip(value, 100), clip(reason, 500)));
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private final class Row implements FormatRules.RowContext {
        final RawRow raw;
        final Map<String, Object> values = new HashMap<>();
        /** The numbers of the enterprises the row's reference columns name ({@link #enterpriseColumns} order). */
        final int[] enterpriseNumbers = new int[enterpriseColumns.size()];
        boolean ok = true;
        boolean provisional;
        boolean badCode;
        /** A row check replaced a value (the key is then computed again). */
        boolean changed;
        String key;
        long keyHash;
        /** Problems found while parsing, reported in order when the row is finished; null once reported. */
        List<String[]> held = new ArrayList<>(0);

        Row(RawRow raw) {
            this.raw = raw;
        }

        @Override
        public int rowNumber() {
            return raw.rowNumber();
        }

        @Override
        public Object get(String key) {
            return values.get(key);
        }

        @Override
        public void set(String key, Object value) {
            values.put(key, value);
            changed = true;
            int i = enterpriseColumns.indexOf(key);
            if (i >= 0) { // a replaced enterprise reference: its number follows (no rule does this today)
                enterpriseNumbers[i] = value == null ? BulkRefs.NONE : refs.enterprise(value.toString());
            }
        }

        /** A problem of the parse stage (column key null: the row's reading error), kept for {@link #reportHeld}. */
        void held(String columnKey, String reason) {
            held.add(new String[]{columnKey, reason});
        }

        void reportHeld() {
            List<String[]> h = held;
            held = null;
            for (String[] p : h) {
                if (p[0] == null) {
                    report(raw.rowNumber(), "", "", "", p[1]);
                } else {
                    problem(p[0], p[1]);
                }
            }
        }

        @Override
        public void problem(String columnKey, String reason) {
            ok = false;
            if (held != null) {
                held(columnKey, reason);
                return;
            }
            Integer index = header.index(columnKey);
            if (index == null) {
                report(raw.rowNumber(), "", format.column(columnKey).map(Column::zh).orElse(columnKey), "", reason);
            } else {
                report(raw.rowNumber(), HeaderMapping.letter(index), header.headerOf(columnKey), raw.cell(index), reason);
            }
        }

        @Override
        public String chainOf(RefKind kind, String id) {
            return refs.chainOf(kind, id);
        }

        @Override
        public EnterpriseLinks.NodeIds nodeIds(String from, String to, RefIndex.EnterpriseRelation type) {
            return new EnterpriseLinks.NodeIds(null, null, true); // every relation is new in a new database
        }

        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public boolean provisional() {
            return provisional;
        }

        @Override
        public String upgrades() {
            return null;
        }
    }

    private final class FileContext implements FormatRules.FileContext {
        @Override
        public void problem(int rowNumber, String columnKey, String value, String reason) {
            report(rowNumber, header.letterOf(columnKey), header.headerOf(columnKey), value, reason);
        }

        @Override
        public void warning(int rowNumber, String columnKey, String value, String reason) {
            // warnings do not stop a load; the importer lists them, a bulk load only loads
        }

        @Override
        public List<String[]> existingFlows(Set<String> segmentIds) {
            return List.of(); // the database is new
        }
    }
}
