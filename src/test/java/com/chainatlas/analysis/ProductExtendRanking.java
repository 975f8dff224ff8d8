package com.chainatlas.analysis;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.ExtendCandidate;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.extend.EntryHistory;
import com.chainatlas.analysis.extend.ExtendModel;
import com.chainatlas.chain.Stage;

/**
 * The product's 延链 ranking for a back-test, through the product's own path: a {@link ChainSnapshot} of every
 * dated entry (one enterprise per row, its entry date as 成立日期), its as-of view ({@link AsOfView}) on the day
 * before the cut, whose lazily fitted {@link ExtendRanking} is the model, and the {@link DiagnosisEngine}'s
 * {@code extendCandidates} of every region read back as scores. Nothing at or after the cut is in the view.
 */
public final class ProductExtendRanking {

    /** The view's model and the candidates' scores [region][segment] (NaN where a segment is no candidate). */
    public record Ranked(ExtendModel model, double[][] scores) {
    }

    private ProductExtendRanking() {
    }

    /**
     * @param regionCode 6-digit province code of each region
     * @param parent     parent group of each segment (-1 none)
     * @param up         upstream segments of each segment
     * @param cut        an integer year: the view is as of 31 December before it
     * @return empty when the product falls back to the rule (too little dated history)
     */
    public static Optional<Ranked> rank(EntryHistory h, int[] regionCode, int[] parent, int[][] up, double cut) {
        int segs = parent.length;
        SnapshotBuilder b = new SnapshotBuilder("BACKTEST", "back-test");
        for (int p : Arrays.stream(parent).filter(p -> p >= 0).distinct().toArray()) {
            b.segment("P" + p, "P" + p, Stage.MIDSTREAM, false, 1, null);
        }
        for (int s = 0; s < segs; s++) {
            b.segment(id(s), id(s), Stage.MIDSTREAM, false, 1, parent[s] < 0 ? null : "P" + parent[s]);
            for (int a : up[s]) {
                b.flow(id(a), id(s), false);
            }
        }
        for (int i = 0; i < h.size(); i++) {
            String key = "E" + i;
            b.enterprise(key, key, Integer.toString(regionCode[h.regionOf(i)]), null, null,
                    EntryHistory.date(h.timeOf(i)), null).membership(key, id(h.segmentOf(i)));
        }
        ChainSnapshot full = b.build(1);
        LocalDate asOf = EntryHistory.date(cut).minusDays(1);
        ChainSnapshot view = AsOfView.of(full, asOf, null);
        ExtendRanking ranking = view.extendRanking();
        if (!ranking.modelled()) {
            return Optional.empty();
        }
        DiagnosisEngine engine = new DiagnosisEngine(code -> code);
        DiagnosisSettings cfg = DiagnosisSettings.defaults();
        double[][] out = new double[regionCode.length][segs];
        for (int r = 0; r < regionCode.length; r++) {
            String code = Integer.toString(regionCode[r]);
            Diagnosis d = engine.diagnose(view, RegionScope.of(view, new RegionRef(code, code, "PROVINCE", code), null),
                    cfg);
            Map<String, Double> score = new HashMap<>();
            for (ExtendCandidate c : d.extendCandidates()) {
                score.put(c.segmentId(), c.score());
            }
            for (int s = 0; s < segs; s++) {
                out[r][s] = score.getOrDefault(id(s), Double.NaN);
            }
        }
        return Optional.of(new Ranked(ranking.model(), out));
    }

    private static String id(int s) {
        return "S" + s;
    }
}
