package com.chainatlas.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

/**
 * The A-share listed companies and 申万2021 industries of {@code ../shared/data} (never committed; callers skip
 * when {@link #available} is false), read once for the real-data tests: industries (level 1 {@code xx0000}, level 2
 * {@code xxxx00}, level 3 otherwise), upstream links between industries from {@code industry_up.json} with their
 * counts, and companies with their province code (深圳, listed apart from 广东, as 440300 inside it), 申万 level-3
 * code and listing date (null when the row has none: several rows carry the exchange in that column).
 */
public record ListedCompanies(List<Industry> industries, List<Upstream> upstream, List<Company> companies) {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern INDUSTRY = Pattern.compile("\"industry\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UP = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public record Industry(String code, String name) {
        public boolean level1() {
            return code.endsWith("0000");
        }

        public boolean level2() {
            return !level1() && code.endsWith("00");
        }

        public String parentCode() {
            return level1() ? null : level2() ? code.substring(0, 2) + "0000" : code.substring(0, 4) + "00";
        }
    }

    /** {@code from} (an industry name) is named upstream of {@code to} {@code count} times. */
    public record Upstream(String to, String from, int count) {
    }

    public record Company(String code, String fullName, String regionCode, String swCode, LocalDate listed) {
    }

    public static boolean available(Path data) {
        return Files.isReadable(data.resolve("a-share/companies.csv"))
                && Files.isReadable(data.resolve("industry-chain/industry.json"))
                && Files.isReadable(data.resolve("industry-chain/industry_up.json"));
    }

    public static ListedCompanies read(Path data) throws IOException {
        List<Industry> industries = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("industry-chain/industry.json"), StandardCharsets.UTF_8)) {
            Map<String, String> o = fields(line);
            if (o.get("code") != null) {
                industries.add(new Industry(o.get("code"), o.get("name")));
            }
        }
        List<Upstream> upstream = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("industry-chain/industry_up.json"), StandardCharsets.UTF_8)) {
            Matcher industry = INDUSTRY.matcher(line);
            int ups = line.indexOf("\"ups\"");
            if (!industry.find() || ups < 0) {
                continue;
            }
            Matcher up = UP.matcher(line.substring(ups));
            while (up.find()) {
                upstream.add(new Upstream(industry.group(1), up.group(1), Integer.parseInt(up.group(2))));
            }
        }
        RegionCatalog regions = new RegionCatalog();
        Map<String, String> provinceByShortName = new LinkedHashMap<>();
        for (Region p : regions.ofLevel(RegionLevel.PROVINCE)) {
            provinceByShortName.put(p.name().substring(0, 2), p.code());
        }
        provinceByShortName.put("内蒙", "150000");
        provinceByShortName.put("黑龙", "230000");
        provinceByShortName.put("深圳", "440300");
        List<String> lines = Files.readAllLines(data.resolve("a-share/companies.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1)); // a plain CSV without quotes
        int code = header.indexOf("code");
        int fullName = header.indexOf("fullname");
        int area = header.indexOf("area");
        int listDate = header.indexOf("list_date");
        int industry = header.indexOf("sw_industry_code");
        List<Company> companies = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] r = line.split(",", -1);
            String a = r[area];
            String region = a.length() >= 2 ? provinceByShortName.get(a.substring(0, 2)) : null;
            String date = r[listDate];
            companies.add(new Company(r[code], r[fullName], region, r.length > industry ? r[industry] : "",
                    DATE.matcher(date).matches() ? LocalDate.parse(date) : null));
        }
        return new ListedCompanies(List.copyOf(industries), List.copyOf(upstream), List.copyOf(companies));
    }

    private static Map<String, String> fields(String jsonLine) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(jsonLine);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
