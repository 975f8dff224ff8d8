package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.enterprise.EnterpriseLinks;
import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableFileException;
import com.chainatlas.ingest.table.TableReader;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Validates one file of one format, row by row in chunks ({@link ChunkPipeline}, columns by
 * {@link HeaderMapping}), and hands every valid row, typed by its format, to a {@link RowSink}. Every problem is
 * collected (row, column, value, reason; the first {@link ImportJob.ImportResult#MAX_LISTED} listed); after the
 * first one the sink is discarded, since nothing of a file with problems is written.
 */
final class ImportRun {

    /** Outcome of validation. */
    record Outcome(long rowsRead, long problemCount, List<Problem> problems, List<String> ignoredColumns,
                   Set<String> chainIds, long warningCount, List<Problem> warnings) {
    }

    private final ImportFormat format;
    private final FormatRules<FormatRow> rules;
    private final Fields fields;
    private final RefIndex refs;
    private final RowSink sink;
    private final Neo4jClient neo4j;
    private final int chunkRows;
    private final Runnable progress;

    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private final KeyIndex keys = new KeyIndex();
    /** Enterprises file: name + region → first row (negative when that row had no code). */
    private final KeyIndex sameNames = new KeyIndex();
    private final List<Problem> warnings = new ArrayList<>();
    private long warningCount;
    private final Set<String> chainIds = new LinkedHashSet<>();
    /** Set by the parser thread from the header row, before the first chunk is handed over. */
    private volatile HeaderMapping header;
    private final String fileChainRef;
    private String fileChain;
    private long rowsRead;

    ImportRun(ImportFormat format, Fields fields, RefIndex refs, RowSink sink, Neo4jClient neo4j, int chunkRows,
              Runnable progress) {
        this(format, fields, refs, sink, neo4j, chunkRows, progress, null);
    }

    /** @param fileChain the chain (id or name) the file's names are looked up in, when its rows name none; or null */
    ImportRun(ImportFormat format, Fields fields, RefIndex refs, RowSink sink, Neo4jClient neo4j, int chunkRows,
              Runnable progress, String fileChain) {
        this.fileChainRef = fileChain == null || fileChain.isBlank() ? null : Text.code(fileChain);
        this.format = format;
        this.rules = format.newRules();
        this.fields = fields;
        this.refs = refs;
        this.sink = sink;
        this.neo4j = neo4j;
        this.chunkRows = chunkRows;
        this.progress = progress;
    }

    Outcome run(TableReader reader) {
        if (fileChainRef != null) {
            fileChain = refs.resolve(RefKind.CHAIN, fileChainRef, null).id();
            if (fileChain == null) {
                throw new TableFileException("未找到产业链 " + fileChainRef + " (导入时选择的产业链)，请先导入产业链 (第 1 步)",
                        "Unknown chain " + fileChainRef);
            }
        }
        boolean headerSeen = new ChunkPipeline<>(chunkRows, new ChunkPipeline.Stages<List<Row>>() {
            @Override
            public void header(RawRow row) {
                header = new HeaderMapping(format, row);
            }

            @Override
            public List<Row> parse(List<RawRow> chunk) {
                return parseChunk(chunk);
            }

            @Override
            public void process(List<Row> chunk) {
                processChunk(chunk);
            }
        }).run(reader);
        if (!headerSeen) {
            throw new TableFileException("文件中没有内容 (找不到表头行)", "No header row found");
        }
        if (rowsRead == 0) {
            throw new TableFileException("文件只有表头，没有数据行", "The file has a header but no data rows");
        }
        rules.finish(new FileContext());
        if (problemCount > 0) {
            sink.discard();
        } else {
            sink.close();
        }
        return new Outcome(rowsRead, problemCount, List.copyOf(problems), header.ignored(), Set.copyOf(chainIds),
                warningCount, List.copyOf(warnings));
    }

    // ---- rows

    /** A referenced enterprise as validation found it: its node id (null when new in this file) and relation bits. */
    private record EnterpriseRef(String nodeId, int relations) {
    }

    private final class Row implements FormatRules.RowContext {
        final RawRow raw;
        final Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        /** Problems found while parsing (on the parser thread), reported in order by the validating thread. */
        final List<String[]> parseProblems = new ArrayList<>(0);
        /** Enterprises file: the row's provisional key, when the parser thread looked it up. */
        volatile String provisionalKey;
        /** Enterprise columns → what was found for them. */
        Map<String, EnterpriseRef> enterprises;
        boolean exists;
        boolean provisional;
        String upgrades;

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
        }

        @Override
        public void problem(String columnKey, String reason) {
            ok = false;
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
            EnterpriseRef a = enterprises == null ? null : enterprises.get(from);
            EnterpriseRef b = to == null || enterprises == null ? null : enterprises.get(to);
            boolean unrelated = lacks(a, type) || (to != null && lacks(b, type));
            return new EnterpriseLinks.NodeIds(a == null ? null : a.nodeId(), b == null ? null : b.nodeId(), unrelated);
        }

        private static boolean lacks(EnterpriseRef ref, RefIndex.EnterpriseRelation type) {
            return ref != null && (ref.relations() & type.bit()) == 0;
        }

        @Override
        public boolean exists() {
            return exists;
        }

        @Override
        public boolean provisional() {
            return provisional;
        }

        @Override
        public String upgrades() {
            return upgrades;
        }
    }

    /** Parser thread: the chunk's rows with their fields parsed; problems are only noted here. */
    private List<Row> parseChunk(List<RawRow> chunk) {
        List<Row> rows = new ArrayList<>(chunk.size());
        for (RawRow raw : chunk) {
            Row row = new Row(raw);
            if (raw.error() != null) {
                row.ok = false;
                row.parseProblems.add(new String[]{null, raw.error()});
            }
            for (var e : header.byIndex()) {
                Column c = e.getValue();
                Fields.Parsed p = fields.parse(c, raw.cell(e.getKey()));
                if (p.error() != null) {
                    row.ok = false;
                    row.parseProblems.add(new String[]{c.key(), p.error()});
                } else if (p.value() != null) {
                    row.values.put(c.key(), p.value());
                }
            }
            rows.add(row);
        }
        prefetch(rows); // the database look-ups run here too, overlapping the checks of the previous chunk
        return rows;
    }

    private void processChunk(List<Row> rows) {
        for (Row row : rows) {
            rowsRead++;
            for (String[] p : row.parseProblems) {
                if (p[0] == null) {
                    report(row.raw.rowNumber(), "", "", "", p[1]);
                } else {
                    row.problem(p[0], p[1]);
                }
            }
            resolve(row, true);
            if (format.defines() != null && format.defines() != RefKind.ENTERPRISE) {
                define(row);
            }
            resolve(row, false);
            if (format.defines() == RefKind.SEGMENT && row.values.get("parentId") != null) {
                define(row); // now with the parent's id, for paths of later rows
            }
            if (format.defines() == RefKind.ENTERPRISE) {
                enterpriseIdentity(row);
            }
            if (row.ok) {
                rules.check(row);
            }
            duplicate(row);
            if (row.ok && problemCount == 0) {
                FormatRow valid = rules.row(row);
                sink.add(valid);
                chainIds.addAll(valid.chainIds());
            } else {
                sink.discard();
            }
            progress.run();
        }
    }

    private void define(Row row) {
        Object id = row.values.get(format.keyColumns().get(0));
        if (id != null) {
            Object chain = format.defines() == RefKind.CHAIN ? id : row.values.get("chainId");
            Object name = row.values.get("name");
            Object parent = row.values.get("parentId");
            refs.define(format.defines(), id.toString(), chain == null ? "" : chain.toString(),
                    name == null ? null : name.toString(), parent == null ? null : parent.toString());
        }
    }

    /**
     * The enterprises file: a row without a code gets its provisional key (全称 + 区划, see
     * {@link Uscc#provisionalKey}); a code row whose provisional twin is stored upgrades it in place. A row
     * with a code and one without for the same name and region in one file cannot both be right: reported.
     */
    private void enterpriseIdentity(Row row) {
        Object name = row.values.get("name");
        Object region = row.values.get("regionCode");
        Object uscc = row.values.get("uscc");
        boolean badCode = row.parseProblems.stream().anyMatch(p -> "uscc".equals(p[0]));
        if (uscc == null && !badCode && name != null && region != null) {
            uscc = row.provisionalKey != null ? row.provisionalKey : Uscc.provisionalKey(name.toString(), region.toString());
            row.values.put("uscc", uscc);
        }
        if (uscc == null) {
            return; // name or region is missing, reported as required: no identity without them
        }
        boolean provisional = Uscc.isProvisional(uscc.toString());
        row.provisional = provisional;
        if (name != null && region != null) {
            int first = sameNames.putIfAbsent(region + "\u0001" + Text.code(name.toString()).toUpperCase(java.util.Locale.ROOT),
                    provisional ? -row.rowNumber() : row.rowNumber());
            if (first != 0 && (first < 0) != provisional) {
                row.problem("name", "与第 " + Math.abs(first) + " 行同名同区划，但一行有信用代码、一行没有：请合并为一行");
            }
        }
        boolean exists = refs.enterprise(uscc.toString()).found();
        row.exists = exists;
        if (!provisional && row.provisionalKey != null) {
            String twin = refs.enterprise(row.provisionalKey).found() ? row.provisionalKey : null;
            if (twin != null && !exists) {
                row.upgrades = twin;
                row.exists = true; // written by MERGE once the twin carries the code
            } else if (twin != null) {
                warn(row.rowNumber(), "name", name.toString(), "该代码的企业已存在，另有一家同名同区划的无信用代码企业 (" + twin
                        + ")，未合并：请核对后删除其一");
            }
        }
    }

    private void prefetch(List<Row> rows) {
        Map<RefKind, Set<String>> wanted = new HashMap<>();
        for (Row row : rows) {
            for (Column c : header.columns()) {
                Object v = row.values.get(c.key());
                if (c.ref() == null || v == null) {
                    continue;
                }
                Set<String> set = wanted.computeIfAbsent(c.ref(), k -> new LinkedHashSet<>());
                if (v instanceof List<?> list) {
                    list.forEach(x -> set.add(x.toString()));
                } else {
                    set.add(v.toString());
                }
            }
        }
        if (format.defines() == RefKind.ENTERPRISE) {
            // whether each enterprise already exists decides CREATE or MERGE when writing; a row without a code
            // is looked up by its provisional key, a code row too when provisional enterprises are stored (upgrade)
            Set<String> set = wanted.computeIfAbsent(RefKind.ENTERPRISE, k -> new LinkedHashSet<>());
            boolean twins = refs.hasProvisional();
            for (Row r : rows) {
                Object code = r.values.get("uscc");
                Object name = r.values.get("name");
                Object region = r.values.get("regionCode");
                if (name != null && region != null && (code == null || twins)) {
                    r.provisionalKey = Uscc.provisionalKey(name.toString(), region.toString());
                    set.add(r.provisionalKey);
                }
                if (code != null) {
                    set.add(code.toString());
                }
            }
        }
        wanted.forEach(refs::prefetch);
    }

    /**
     * Resolves the row's references to ids: the chain columns first ({@code chains}), then the others, by id,
     * name or path within the row's chain (or the file's).
     */
    private void resolve(Row row, boolean chains) {
        String chain = null;
        if (!chains) {
            Object c = format.defines() == RefKind.CHAIN ? null : row.values.get("chainId");
            chain = c != null && refs.chainOf(RefKind.CHAIN, c.toString()) != null ? c.toString() : fileChain;
        }
        for (Column c : header.columns()) {
            Object v = row.values.get(c.key());
            if (c.ref() == null || v == null || (c.ref() == RefKind.CHAIN) != chains) {
                continue;
            }
            if (c.ref() == RefKind.ENTERPRISE) {
                resolveEnterprise(row, c, v.toString());
            } else if (v instanceof List<?> list) {
                List<String> ids = new ArrayList<>(list.size());
                List<String> unknown = new ArrayList<>();
                for (Object x : list) {
                    RefIndex.Resolution r = refs.resolve(c.ref(), x.toString(), chain);
                    if (r.id() != null) {
                        ids.add(r.id());
                    } else if (r.problem() != null) {
                        row.problem(c.key(), r.problem());
                    } else {
                        unknown.add(x.toString());
                    }
                }
                if (!unknown.isEmpty()) {
                    row.problem(c.key(), "未找到" + c.ref().zh + ": " + String.join("、", unknown) + notFoundHint(c.ref(), chain));
                }
                row.values.put(c.key(), List.copyOf(new LinkedHashSet<>(ids)));
            } else {
                RefIndex.Resolution r = refs.resolve(c.ref(), v.toString(), chain);
                if (r.id() != null) {
                    row.values.put(c.key(), r.id());
                } else {
                    row.problem(c.key(), r.problem() != null ? r.problem() : "未找到" + c.ref().zh + " " + v + notFoundHint(c.ref(), chain));
                }
            }
        }
    }

    private void resolveEnterprise(Row row, Column c, String v) {
        RefIndex.EnterpriseMatch m = refs.enterprise(v);
        if (m.found()) {
            row.values.put(c.key(), m.uscc());
            int relations = 0;
            for (RefIndex.EnterpriseRelation r : RefIndex.EnterpriseRelation.values()) {
                relations |= refs.has(m.uscc(), r) ? r.bit() : 0;
            }
            if (row.enterprises == null) {
                row.enterprises = new HashMap<>(4);
            }
            row.enterprises.put(c.key(), new EnterpriseRef(refs.nodeId(m.uscc()), relations));
        } else if (m.candidates().size() > 1) {
            row.problem(c.key(), "企业名称不唯一，匹配到多家企业 (" + String.join("、", m.candidates())
                    + (m.candidates().size() > 5 ? " 等" : "") + ")，请改填统一社会信用代码");
        } else {
            row.problem(c.key(), "未找到该企业 (请先导入企业，或改填统一社会信用代码/企业全称)");
        }
    }

    private String notFoundHint(RefKind kind, String chain) {
        String where = chain == null || kind == RefKind.CHAIN || kind == RefKind.INSTITUTION ? "" : " (在产业链 " + chain + " 中按编号、名称或路径查找)";
        return where + (kind == format.defines() ? " (须已存在于系统中，或在本文件前面的行中)" : " (须已存在于系统中，请先导入)");
    }

    private void duplicate(Row row) {
        StringBuilder key = new StringBuilder();
        for (String k : format.keyColumns()) {
            Object v = row.values.get(k);
            if (v == null) {
                return;
            }
            key.append(v).append('\u0001');
        }
        int first = keys.putIfAbsent(key.toString(), row.rowNumber());
        if (first > 0 && row.provisional) {
            row.problem("name", "与第 " + first + " 行同名同区划，且都没有信用代码：无法区分，请补填信用代码或合并为一行");
        } else if (first > 0) {
            row.problem(format.keyColumns().get(0), "与第 " + first + " 行重复 ("
                    + String.join("+", format.keyColumns().stream().map(k -> format.column(k).orElseThrow().zh()).toList())
                    + " 相同)");
        }
    }

    private void warn(int row, String columnKey, String value, String reason) {
        warningCount++;
        if (warnings.size() < ImportJob.ImportResult.MAX_LISTED) {
            warnings.add(new Problem(row, header.letterOf(columnKey), header.headerOf(columnKey), Text.clip(value),
                    Text.clip(reason, 500)));
        }
    }

    private void report(int row, String column, String headerText, String value, String reason) {
        problemCount++;
        if (problems.size() < ImportJob.ImportResult.MAX_LISTED) {
            problems.add(new Problem(row, column, headerText == null ? "" : headerText, Text.clip(value), Text.clip(reason, 500)));
        }
    }

    private final class FileContext implements FormatRules.FileContext {
        @Override
        public void problem(int rowNumber, String columnKey, String value, String reason) {
            report(rowNumber, header.letterOf(columnKey), header.headerOf(columnKey), value, reason);
        }

        @Override
        public void warning(int rowNumber, String columnKey, String value, String reason) {
            warn(rowNumber, columnKey, value, reason);
        }

        @Override
        public List<String[]> existingFlows(Set<String> segmentIds) {
            return neo4j.query("""
                    MATCH (s:Segment) WHERE s.id IN $ids
                    WITH collect(DISTINCT s.chainId) AS chains
                    MATCH (a:Segment)-[f:FEEDS]->(b:Segment)
                    WHERE (a.chainId IN chains OR b.chainId IN chains) AND NOT coalesce(f.recycling, false)
                    RETURN a.id AS a, b.id AS b
                    """).bind(List.copyOf(segmentIds)).to("ids").fetch().all().stream()
                    .map(r -> new String[]{(String) r.get("a"), (String) r.get("b")}).toList();
        }
    }
}
