package com.chainatlas.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.enterprise.EnterpriseLinks.Makes;
import com.chainatlas.enterprise.EnterpriseLinks.Membership;
import com.chainatlas.enterprise.EnterpriseLinks.Supply;
import com.chainatlas.enterprise.Uscc;
import com.chainatlas.innovation.Institution;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

/**
 * Generates the demo enterprises (示例数据) of one chain deterministically from a fixed seed.
 *
 * <p>Shape: per leaf segment a national count drawn around ~90 (a few high-value key upstream segments
 * get only a handful, so their national supply is concentrated); provinces drawn by the chain's
 * {@code concentration}; revenue log-normal (many small firms, a few giants, each segment's top firm
 * scaled up). The demo region gets the local presence its {@code demoProfile} asks for: STRONG ≈ 3×
 * the national share, PRESENT ≈ 1×, WEAK a single small firm, MISSING none. Supply relations follow the
 * segment FEEDS flows, preferring suppliers in the customer's own city or province.
 */
final class DemoEnterpriseGenerator {

    /** 合肥市: the default demo region. */
    static final String DEMO_REGION = "340100";
    private static final int LOCAL_BUDGET = 150;
    private static final String[] BRAND_A = "恒华中天新瑞鼎国宏盛泰嘉博聚联科晶芯锐远通达正弘拓捷源辰昊融".split("");
    private static final String[] BRAND_B = "鑫源能创达明光信安泰越驰航微智电锂峰阳云星海德诚维".split("");
    private static final String[] SUFFIX = {"科技有限公司", "新材料股份有限公司", "电子有限公司", "技术有限公司",
            "智能科技有限公司", "股份有限公司", "实业有限公司"};
    record Result(List<Enterprise> enterprises, List<Membership> memberships, List<Makes> makes,
                  List<Supply> supplies) {
    }

    private final RegionCatalog regions;
    private final SplittableRandom random;
    private final Set<String> usedNames;
    private long serial;

    DemoEnterpriseGenerator(RegionCatalog regions, long seed, Set<String> usedNames, long firstSerial) {
        this.regions = regions;
        this.random = new SplittableRandom(seed);
        this.usedNames = usedNames;
        this.serial = firstSerial;
    }

    long nextSerial() {
        return serial;
    }

    Result generate(DemoChainFile chain) {
        Set<String> parents = new HashSet<>();
        chain.segments().forEach(s -> {
            if (s.parent() != null) {
                parents.add(s.parent());
            }
        });
        List<DemoChainFile.Seg> leaves = chain.segments().stream().filter(s -> !parents.contains(s.id())).toList();
        Map<String, List<String>> productsBySegment = new HashMap<>();
        chain.products().forEach(p -> productsBySegment.computeIfAbsent(p.segment(), k -> new ArrayList<>()).add(p.id()));

        Map<String, List<Enterprise>> bySegment = new LinkedHashMap<>();
        Map<String, Integer> national = new LinkedHashMap<>();
        int total = 0;
        for (DemoChainFile.Seg s : leaves) {
            int n = s.key() && s.valueAdded() >= 5 && !"DOWNSTREAM".equals(s.stage())
                    ? 3 + random.nextInt(5) // concentrated: a handful nationally
                    : (int) Math.round(Math.min(200, Math.max(30, Math.exp(Math.log(90) + 0.45 * gaussian()))));
            national.put(s.id(), n);
            total += n;
        }
        WeightedRegions places = new WeightedRegions(chain.concentration());
        List<Enterprise> all = new ArrayList<>();
        List<Membership> memberships = new ArrayList<>();
        List<Makes> makes = new ArrayList<>();
        for (DemoChainFile.Seg s : leaves) {
            List<Enterprise> firms = new ArrayList<>();
            int n = national.get(s.id());
            for (int i = 0; i < n; i++) {
                firms.add(enterprise(places.pick(), i == 0 ? 25 : i == 1 ? 6 : 1));
            }
            String profile = chain.demoProfile() == null ? "PRESENT" : chain.demoProfile().getOrDefault(s.id(), "PRESENT");
            int local = localCount(profile, n, total);
            List<Region> demoCounties = regions.children(DEMO_REGION);
            for (int i = 0; i < local; i++) {
                double scale = "STRONG".equals(profile) && i == 0 ? 40 : "WEAK".equals(profile) ? 0.3 : 1;
                firms.add(enterprise(demoCounties.get(random.nextInt(demoCounties.size())).code(), scale));
            }
            bySegment.put(s.id(), firms);
            List<String> products = productsBySegment.getOrDefault(s.id(), List.of());
            for (Enterprise e : firms) {
                all.add(e);
                memberships.add(new Membership(e.uscc(), s.id()));
                if (!products.isEmpty()) {
                    String first = products.get(random.nextInt(products.size()));
                    String second = products.get(random.nextInt(products.size()));
                    double share = first.equals(second) ? 0.9 : 0.5 + random.nextDouble() * 0.3;
                    makes.add(new Makes(e.uscc(), first, round2(share)));
                    if (!first.equals(second)) {
                        makes.add(new Makes(e.uscc(), second, round2(0.9 - share)));
                    }
                }
            }
        }
        List<Supply> supplies = supplies(chain, bySegment, productsBySegment);
        return new Result(all, memberships, makes, supplies);
    }

    /** Institution–enterprise cooperation: each institution works with a few firms in its fields, near ones first. */
    List<Institution.Cooperation> cooperations(List<Institution> institutions, Map<String, List<String>> techSegments,
                                               Map<String, List<Enterprise>> bySegment) {
        List<Institution.Cooperation> result = new ArrayList<>();
        for (Institution inst : institutions) {
            Set<String> segments = new HashSet<>(inst.segmentIds());
            inst.technologyIds().forEach(t -> segments.addAll(techSegments.getOrDefault(t, List.of())));
            List<Enterprise> candidates = new ArrayList<>();
            segments.stream().sorted().forEach(s -> candidates.addAll(bySegment.getOrDefault(s, List.of())));
            if (candidates.isEmpty()) {
                continue;
            }
            String province = inst.regionCode().substring(0, 2);
            List<Enterprise> near = candidates.stream().filter(e -> e.regionCode().startsWith(province)).toList();
            int k = 2 + random.nextInt(6);
            Set<String> chosen = new HashSet<>();
            for (int i = 0; i < k * 3 && chosen.size() < k; i++) {
                List<Enterprise> pool = !near.isEmpty() && random.nextDouble() < 0.6 ? near : candidates;
                Enterprise e = pool.get(random.nextInt(pool.size()));
                if (chosen.add(e.uscc())) {
                    String kind = new String[]{"联合研发", "技术转让", "共建实验室", "人才培养"}[random.nextInt(4)];
                    result.add(new Institution.Cooperation(inst.id(), e.uscc(), kind, 2012 + random.nextInt(13)));
                }
            }
        }
        return result;
    }

    private int localCount(String profile, int national, int total) {
        double share = (double) national / total * LOCAL_BUDGET;
        return switch (profile) {
            case "STRONG" -> Math.max(6, (int) Math.round(3.0 * share));
            case "WEAK" -> 1;
            case "MISSING" -> 0;
            default -> Math.max(3, (int) Math.round(1.1 * share));
        };
    }

    private List<Supply> supplies(DemoChainFile chain, Map<String, List<Enterprise>> bySegment,
                                  Map<String, List<String>> productsBySegment) {
        List<Supply> result = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (DemoChainFile.FlowRow flow : chain.flows()) {
            List<Enterprise> suppliers = bySegment.get(flow.from());
            List<Enterprise> customers = bySegment.get(flow.to());
            if (suppliers == null || customers == null || suppliers.isEmpty()) {
                continue;
            }
            double[] cumulative = cumulativeRevenue(suppliers);
            List<String> products = productsBySegment.getOrDefault(flow.from(), List.of());
            for (Enterprise customer : customers) {
                int k = 1 + (random.nextDouble() < 0.5 ? 1 : 0) + (customer.revenue() > 200_000 ? 1 : 0);
                for (int i = 0; i < k; i++) {
                    Enterprise supplier = pickSupplier(customer, suppliers, cumulative);
                    if (supplier.uscc().equals(customer.uscc()) || !pairs.add(supplier.uscc() + customer.uscc())) {
                        continue;
                    }
                    Double amount = random.nextDouble() < 0.7
                            ? round2(Math.min(supplier.revenue(), customer.revenue()) * (0.02 + random.nextDouble() * 0.1))
                            : null;
                    String product = products.isEmpty() ? null : products.get(random.nextInt(products.size()));
                    result.add(new Supply(supplier.uscc(), customer.uscc(), product, amount));
                }
            }
        }
        return result;
    }

    private Enterprise pickSupplier(Enterprise customer, List<Enterprise> suppliers, double[] cumulative) {
        double roll = random.nextDouble();
        String prefix = roll < 0.35 ? customer.regionCode().substring(0, 4) : roll < 0.6 ? customer.regionCode().substring(0, 2) : null;
        if (prefix != null) {
            List<Enterprise> near = suppliers.stream().filter(s -> s.regionCode().startsWith(prefix)).toList();
            if (!near.isEmpty()) {
                return near.get(random.nextInt(near.size()));
            }
        }
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return suppliers.get(Math.min(suppliers.size() - 1, i < 0 ? -i - 1 : i));
    }

    private static double[] cumulativeRevenue(List<Enterprise> firms) {
        double[] c = new double[firms.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += Math.sqrt(firms.get(i).revenue()); // damped: big firms win more, not all
            c[i] = sum;
        }
        return c;
    }

    private Enterprise enterprise(String regionCode, double scale) {
        double revenue = round2(Math.exp(8.0 + 1.5 * gaussian()) * scale); // 万元; median ≈ 3,000万
        List<String> tags = new ArrayList<>();
        if (revenue > 500_000 && random.nextDouble() < 0.7 || random.nextDouble() < 0.01) {
            tags.add("上市");
        }
        if (revenue > 3_000_000) {
            tags.add("500强");
        }
        boolean highTech = random.nextDouble() < 0.3;
        if (highTech) {
            tags.add("高新技术企业");
        }
        if (revenue > 5_000 && revenue < 300_000) {
            double r = random.nextDouble();
            if (r < 0.015) {
                tags.add("专精特新小巨人");
            } else if (r < 0.07) {
                tags.add("专精特新");
            }
        }
        int employees = (int) Math.max(8, Math.round(revenue / (60 + random.nextDouble() * 60)));
        int patents = (int) Math.round(Math.sqrt(revenue) / 8 * (highTech ? 2 : 1) * (0.3 + random.nextDouble() * 1.4));
        // Founding years skewed to recent ones, as in a young industry: median ≈ 2015, a third after 2020; one firm
        // in 50 has no known date (unknown stays absent). One draw, as before, so the rest of the data is unchanged.
        int u = random.nextInt(10_000);
        double x = u / 10_000.0;
        int year = 2025 - (int) Math.floor(40 * x * x);
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate founded = u % 50 == 7 ? null : date;
        // 上市: listed 3 to 15 years after founding, never after 2025 (no extra draw)
        LocalDate listed = !tags.contains("上市") ? null
                : date.withYear(Math.min(2025, year + 3 + (int) (serial % 13)));
        String city = cityShortName(regionCode);
        String brand;
        String suffix;
        String name;
        do {
            brand = BRAND_A[random.nextInt(BRAND_A.length)] + BRAND_B[random.nextInt(BRAND_B.length)];
            suffix = SUFFIX[random.nextInt(SUFFIX.length)];
            name = city + brand + suffix;
        } while (!usedNames.add(name));
        // The statistics codes list some development zones as county-level units (e.g. 340176 合肥高新区).
        String county = regions.find(regionCode).map(Region::name).orElse("");
        String zone = county.endsWith("开发区") ? county
                : random.nextDouble() < 0.25 ? city + (random.nextBoolean() ? "经济技术开发区" : "高新技术产业开发区") : null;
        return new Enterprise(Uscc.of(regionCode, ++serial), name, brand + suffix.substring(0, 2), regionCode, zone,
                revenue, employees, founded, tags, patents, true, listed);
    }

    private String cityShortName(String code) {
        Region city = regions.find(code.substring(0, 4) + "00").filter(r -> r.level() == RegionLevel.CITY)
                .orElseGet(() -> regions.provinceOf(code).orElseThrow());
        String n = city.name();
        if (n.length() > 2 && (n.endsWith("市") || n.endsWith("地区") || n.endsWith("盟"))) {
            n = n.substring(0, n.length() - (n.endsWith("地区") ? 2 : 1));
        }
        return n.length() > 4 ? n.substring(0, 2) : n;
    }

    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** Picks a county (or a city without counties) outside the demo city, weighted by province and city rank. */
    private final class WeightedRegions {
        private final List<String> codes = new ArrayList<>();
        private final List<Double> cumulative = new ArrayList<>();

        WeightedRegions(Map<String, Double> concentration) {
            double sum = 0;
            for (Region province : regions.ofLevel(RegionLevel.PROVINCE)) {
                double pw = concentration == null ? 0.03 : concentration.getOrDefault(province.code().substring(0, 2), 0.03);
                List<Region> cities = regions.children(province.code());
                double norm = 0;
                for (int rank = 0; rank < cities.size(); rank++) {
                    norm += 1 / Math.pow(rank + 1, 0.9);
                }
                for (int rank = 0; rank < cities.size(); rank++) {
                    Region city = cities.get(rank);
                    if (city.code().equals(DEMO_REGION)) {
                        continue;
                    }
                    double cw = pw * (1 / Math.pow(rank + 1, 0.9)) / norm;
                    List<Region> counties = regions.children(city.code());
                    List<String> targets = counties.isEmpty() ? List.of(city.code()) : counties.stream().map(Region::code).toList();
                    for (String t : targets) {
                        sum += cw / targets.size();
                        codes.add(t);
                        cumulative.add(sum);
                    }
                }
            }
        }

        String pick() {
            double x = random.nextDouble() * cumulative.get(cumulative.size() - 1);
            int i = java.util.Collections.binarySearch(cumulative, x);
            return codes.get(Math.min(codes.size() - 1, i < 0 ? -i - 1 : i));
        }
    }
}
