package com.chainatlas.analysis;

import java.util.Arrays;

import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.chain.Stage;

/**
 * The product's rule-based 延链 ranking (before the learnt model) for a back-test: builds a {@link ChainSnapshot}
 * of the state at a cut (one enterprise per counted firm), diagnoses every region with the {@link DiagnosisEngine}
 * at default settings and scores each segment as the rule ranks it: flagged 延链 candidates (next to a STRONG
 * segment) first, each group by the rule's relatedness (verdict-weighted share of flow neighbours).
 */
public final class ExtendRuleRanking {

    private ExtendRuleRanking() {
    }

    /**
     * @param counts     enterprises per region and segment at the cut
     * @param regionCode 6-digit province code of each region
     * @param parent     parent group of each segment (-1 none); groups become parent segments
     * @param up         upstream segments of each segment
     * @return [region][segment] scores, higher first
     */
    public static double[][] scores(int[][] counts, int[] regionCode, int[] parent, int[][] up) {
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
        for (int r = 0; r < counts.length; r++) {
            String code = Integer.toString(regionCode[r]);
            for (int s = 0; s < segs; s++) {
                for (int k = 0; k < counts[r][s]; k++) {
                    String key = "E" + r + "-" + s + "-" + k;
                    b.enterprise(key, key, code, null, null).membership(key, id(s));
                }
            }
        }
        ChainSnapshot snapshot = b.build(1);
        DiagnosisEngine engine = new DiagnosisEngine(code -> code);
        DiagnosisSettings cfg = DiagnosisSettings.defaults();
        double[][] out = new double[counts.length][segs];
        for (int r = 0; r < counts.length; r++) {
            String code = Integer.toString(regionCode[r]);
            RegionScope scope = RegionScope.of(snapshot, new RegionRef(code, code, "PROVINCE", code), null);
            DiagnosisEngine.Evaluation ev = engine.evaluate(snapshot, scope, cfg);
            for (int s = 0; s < segs; s++) {
                int g = snapshot.segmentIndex(id(s));
                out[r][s] = (ev.flags.get(g).contains(Flag.EXTEND) ? 1 : 0) + ev.relatedness[g] / 2;
            }
        }
        return out;
    }

    private static String id(int s) {
        return "S" + s;
    }
}
