package com.chainatlas.innovation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.chainatlas.chain.ChainModel.Chain;
import com.chainatlas.chain.ChainModel.Segment;
import com.chainatlas.chain.ChainService;
import com.chainatlas.innovation.Pairing.Match;
import com.chainatlas.innovation.Pairing.PairedInstitution;
import com.chainatlas.innovation.Pairing.Partner;
import com.chainatlas.innovation.Pairing.Score;
import com.chainatlas.innovation.Pairing.SegmentPairing;
import com.chainatlas.innovation.Pairing.TechnologyRef;
import com.chainatlas.innovation.Pairing.Tier;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R&amp;D pairing (产学研对接): for segments of a chain a region wants to strengthen (the diagnosis' weak and critical
 * ones, or any the user picks), the R&amp;D institutions whose research matches the segment, ranked for the region
 * and explained, with the enterprises they already cooperate with.
 *
 * <p>An institution matches a segment when it researches a technology applying to the segment or one of its direct
 * sub-segments, or researches such a segment itself. Ranking: tier (local, same province, elsewhere), then level,
 * then strength, then the number of matching technologies, then id; see {@link Pairing#SCORE_RULE_ZH}.
 */
@Service
@Transactional(readOnly = true)
public class ResearchPairing {

    /** Most segments one request may name. */
    public static final int MAX_SEGMENTS = 100;
    /** Most institutions listed per segment. */
    public static final int MAX_LIMIT = 100;
    /** Cooperating enterprises shown per institution. */
    public static final int PARTNERS_SHOWN = 5;

    private final ChainService chains;
    private final RegionCatalog regions;
    private final PairingQueries queries;

    ResearchPairing(ChainService chains, RegionCatalog regions, PairingQueries queries) {
        this.chains = chains;
        this.regions = regions;
        this.queries = queries;
    }

    /**
     * @param segmentIds segments to pair; null or empty means every leaf segment of the chain
     * @param limit      institutions per segment, 1..{@value #MAX_LIMIT}
     */
    public Pairing.Report pair(String chainId, String regionCode, List<String> segmentIds, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit 须在 1 到 " + MAX_LIMIT + " 之间", "limit must be between 1 and " + MAX_LIMIT);
        }
        Region region = region(regionCode);
        Chain chain = chains.chain(chainId);
        List<Segment> segments = segments(chainId, segmentIds);
        List<String> ids = segments.stream().map(Segment::id).toList();

        Map<String, List<TechnologyRef>> techs = new LinkedHashMap<>();
        for (PairingQueries.TechnologyRow t : queries.technologies(chainId, ids)) {
            techs.computeIfAbsent(t.segmentId(), k -> new ArrayList<>()).add(new TechnologyRef(t.id(), t.name(), t.appliesTo()));
        }
        // segment → institution → its match rows, in query order (segment, institution id, kind, match id)
        Map<String, Map<String, List<PairingQueries.MatchRow>>> bySegment = new LinkedHashMap<>();
        for (PairingQueries.MatchRow row : queries.matches(chainId, ids)) {
            bySegment.computeIfAbsent(row.segmentId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.institutionId(), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<PairedInstitution>> ranked = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Segment s : segments) {
            Map<String, List<PairingQueries.MatchRow>> candidates = bySegment.getOrDefault(s.id(), Map.of());
            List<PairedInstitution> list = candidates.values().stream().map(rows -> unexplained(rows, region))
                    .sorted(Score.RANKING).limit(limit).toList();
            ranked.put(s.id(), list);
            totals.put(s.id(), candidates.size());
            list.forEach(p -> shown.add(p.id()));
        }
        Map<String, PairingQueries.PartnerRows> partners = queries.partners(List.copyOf(shown), region.prefix(), PARTNERS_SHOWN)
                .stream().collect(Collectors.toMap(PairingQueries.PartnerRows::institutionId, Function.identity()));

        List<SegmentPairing> result = segments.stream().map(s -> new SegmentPairing(new Pairing.SegmentRef(s.id(), s.name()),
                techs.getOrDefault(s.id(), List.of()),
                ranked.get(s.id()).stream().map(p -> withPartners(p, partners.get(p.id()))).toList(),
                totals.get(s.id()))).toList();
        return new Pairing.Report(new Pairing.ChainRef(chain.id(), chain.name()),
                new Pairing.RegionRef(region.code(), regions.fullName(region.code())), result,
                Pairing.SCORE_RULE_ZH, Pairing.SCORE_RULE_EN);
    }

    /** The tier of an institution's region code relative to the region served. */
    static Tier tier(Region region, String institutionRegionCode) {
        if (region.contains(institutionRegionCode)) {
            return Tier.LOCAL;
        }
        return institutionRegionCode != null && institutionRegionCode.startsWith(region.code().substring(0, 2))
                ? Tier.PROVINCE : Tier.NATIONAL;
    }

    private Region region(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw ApiProblem.badRequest("行政区划代码须为 6 位数字: " + code, "Region code must be 6 digits: " + code);
        }
        return regions.find(code).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", code));
    }

    private List<Segment> segments(String chainId, List<String> requested) {
        List<Segment> all = chains.segments(chainId);
        if (requested == null || requested.isEmpty()) {
            Set<String> parents = all.stream().map(Segment::parentId).filter(p -> p != null).collect(Collectors.toSet());
            return all.stream().filter(s -> !parents.contains(s.id())).toList();
        }
        List<String> ids = requested.stream().distinct().toList();
        if (ids.size() > MAX_SEGMENTS) {
            throw ApiProblem.badRequest("一次最多 " + MAX_SEGMENTS + " 个环节", "At most " + MAX_SEGMENTS + " segments per request");
        }
        Map<String, Segment> byId = all.stream().collect(Collectors.toMap(Segment::id, Function.identity()));
        List<Segment> result = new ArrayList<>();
        for (String id : ids) {
            Segment s = byId.get(id);
            if (s == null) {
                Segment other = chains.segment(id).orElseThrow(() -> ApiProblem.notFound("环节", "Segment", id));
                throw ApiProblem.badRequest("环节 " + other.name() + "（" + id + "）不属于产业链 " + chainId,
                        "Segment " + id + " belongs to chain " + other.chainId() + ", not " + chainId);
            }
            result.add(s);
        }
        return result;
    }

    /** Builds the institution with matches and score; partners and the reason sentence follow once partners are known. */
    private PairedInstitution unexplained(List<PairingQueries.MatchRow> rows, Region region) {
        PairingQueries.MatchRow first = rows.get(0);
        Map<String, List<PairingQueries.MatchRow>> byMatch = new LinkedHashMap<>();
        rows.forEach(r -> byMatch.computeIfAbsent(r.kind() + "|" + r.matchId(), k -> new ArrayList<>()).add(r));
        List<Match> matches = new ArrayList<>();
        int technologies = 0;
        for (List<PairingQueries.MatchRow> same : byMatch.values()) {
            PairingQueries.MatchRow m = same.get(0);
            List<String> via = same.stream().map(PairingQueries.MatchRow::viaName).distinct().toList();
            boolean technology = "TECHNOLOGY".equals(m.kind());
            technologies += technology ? 1 : 0;
            String text = technology ? "研究 " + m.matchName() + "（应用于 " + String.join("、", via) + "）"
                    : "研究方向含 " + m.matchName();
            matches.add(new Match(m.kind(), m.matchId(), m.matchName(), technology ? via : List.of(), text));
        }
        Tier tier = tier(region, first.regionCode());
        return new PairedInstitution(first.institutionId(), first.name(), first.type(), first.level(), first.strength(),
                first.regionCode(), regions.fullName(first.regionCode()), tier, matches,
                Score.of(tier, first.level(), first.strength(), technologies), List.of(), 0, 0, null);
    }

    private PairedInstitution withPartners(PairedInstitution p, PairingQueries.PartnerRows rows) {
        List<Partner> partners = rows == null ? List.of() : rows.shown().stream().map(m -> {
            String code = (String) m.get("regionCode");
            Object since = m.get("since");
            return new Partner((String) m.get("uscc"), (String) m.get("name"), code, regions.fullName(code),
                    Boolean.TRUE.equals(m.get("local")), (String) m.get("kind"),
                    since == null ? null : ((Number) since).intValue());
        }).toList();
        int total = rows == null ? 0 : rows.total();
        int local = rows == null ? 0 : rows.local();
        return new PairedInstitution(p.id(), p.name(), p.type(), p.level(), p.strength(), p.regionCode(), p.regionName(),
                p.tier(), p.matches(), p.score(), partners, total, local, reason(p, total, local));
    }

    /** e.g. 本地国家级重点实验室，研究 固态电池技术、钠离子电池技术，已与 3 家企业合作（本地 2 家） */
    static String reason(PairedInstitution p, int partners, int localPartners) {
        String research = p.matches().stream().map(m -> "TECHNOLOGY".equals(m.kind()) ? m.name() : "“" + m.name() + "”方向")
                .collect(Collectors.joining("、"));
        String cooperation = partners == 0 ? "尚无已知企业合作"
                : "已与 " + partners + " 家企业合作" + (localPartners > 0 ? "（本地 " + localPartners + " 家）" : "");
        return p.tier().label() + levelLabel(p.level()) + typeLabel(p.type()) + "，研究 " + research + "，" + cooperation;
    }

    static String levelLabel(String level) {
        return switch (level == null ? "" : level) {
            case "NATIONAL" -> "国家级";
            case "PROVINCIAL" -> "省级";
            case "MUNICIPAL" -> "市级";
            default -> "";
        };
    }

    static String typeLabel(String type) {
        return switch (type == null ? "" : type) {
            case "UNIVERSITY" -> "高校";
            case "KEY_LAB" -> "重点实验室";
            case "ENGINEERING_CENTER" -> "工程研究中心";
            case "INSTITUTE" -> "科研院所";
            default -> "研发机构";
        };
    }
}
