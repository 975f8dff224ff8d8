package com.chainatlas.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped GB/T 2260 division list ({@code regions/regions.csv}, see its SOURCE.md), held in memory
 * for validation, generation and fast code look-ups. The same rows are loaded into Neo4j at first start.
 */
@Component
public class RegionCatalog {

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    public RegionCatalog() {
        this(read());
    }

    RegionCatalog(List<Region> regions) {
        Map<String, Region> map = new LinkedHashMap<>();
        Map<String, List<Region>> kids = new LinkedHashMap<>();
        for (Region r : regions) {
            map.put(r.code(), r);
            if (r.parentCode() != null) {
                kids.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean exists(String code) {
        return code != null && byCode.containsKey(code);
    }

    public List<Region> all() {
        return List.copyOf(byCode.values());
    }

    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    public List<Region> ofLevel(RegionLevel level) {
        return byCode.values().stream().filter(r -> r.level() == level).toList();
    }

    /** Province → city → county names, e.g. 安徽省 合肥市 蜀山区. */
    public String fullName(String code) {
        List<String> parts = new ArrayList<>();
        Region r = byCode.get(code);
        for (int depth = 0; r != null && depth < 3; depth++, r = r.parentCode() == null ? null : byCode.get(r.parentCode())) {
            if (parts.isEmpty() || !parts.get(0).equals(r.name())) {
                parts.add(0, r.name());
            }
        }
        return String.join(" ", parts);
    }

    /** The province (level 1) containing a code. */
    public Optional<Region> provinceOf(String code) {
        return code == null || code.length() != 6 ? Optional.empty() : find(code.substring(0, 2) + "0000");
    }

    public int size() {
        return byCode.size();
    }

    private static List<Region> read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("regions/regions.csv").getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> provinceNames = new LinkedHashMap<>();
            List<Region> result = new ArrayList<>();
            in.readLine(); // header
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                RegionLevel level = RegionLevel.valueOf(f[2]);
                String name = f[1];
                if (level == RegionLevel.PROVINCE) {
                    provinceNames.put(f[0], name);
                } else if (level == RegionLevel.CITY && "市辖区".equals(name)) {
                    name = provinceNames.getOrDefault(f[3], name); // municipality: 北京市 → 北京市
                }
                result.add(new Region(f[0], name, level, f[3].isEmpty() ? null : f[3]));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
