package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.chain.Stage;

/** A tiny hand-made chain for unit tests: segments, flows, firms and supplies, built without a database. */
final class Fixture {

    /** The demo-like local region of the unit tests: 合肥市 (counties 340102, 340103); 340202 is 芜湖 (same province). */
    static final String LOCAL = "340100";

    record Firm(String uscc, String name, String region, String zone, Double revenue, List<String> segments) {
    }

    record Supply(String supplier, String customer, String product, Double amount) {
    }

    final List<Object[]> segments = new ArrayList<>();
    final List<Object[]> flows = new ArrayList<>();
    final List<Firm> firms = new ArrayList<>();
    final List<Supply> supplies = new ArrayList<>();
    private int serial;

    Fixture segment(String id, Stage stage, boolean key, int valueAdded, String parent) {
        segments.add(new Object[]{id, "环节" + id, stage, key, valueAdded, parent});
        return this;
    }

    Fixture leaf(String id) {
        return segment(id, Stage.MIDSTREAM, false, 3, null);
    }

    Fixture flow(String from, String to) {
        flows.add(new Object[]{from, to, false});
        return this;
    }

    Fixture recycling(String from, String to) {
        flows.add(new Object[]{from, to, true});
        return this;
    }

    /** Adds a firm and returns its USCC (F01, F02, …; names 企业F01 …). */
    String firm(String region, double revenue, String... segmentIds) {
        return firmInZone(region, null, revenue, segmentIds);
    }

    /** A firm whose revenue nobody gave (null: unknown, not zero). */
    String firmNoRevenue(String region, String... segmentIds) {
        return add(region, null, null, segmentIds);
    }

    List<String> firmsNoRevenue(int n, String region, String... segmentIds) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(firmNoRevenue(region, segmentIds));
        }
        return ids;
    }

    String firmInZone(String region, String zone, double revenue, String... segmentIds) {
        return add(region, zone, revenue, segmentIds);
    }

    private String add(String region, String zone, Double revenue, String... segmentIds) {
        String id = String.format("F%02d", ++serial);
        firms.add(new Firm(id, "企业" + id, region, zone, revenue, List.of(segmentIds)));
        return id;
    }

    /** Adds {@code n} firms alike. */
    List<String> firms(int n, String region, double revenue, String... segmentIds) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(firm(region, revenue, segmentIds));
        }
        return ids;
    }

    Fixture supply(String supplier, String customer, Double amount) {
        supplies.add(new Supply(supplier, customer, null, amount));
        return this;
    }

    ChainSnapshot snapshot() {
        return snapshot(false);
    }

    /** The snapshot; {@code reversed} feeds every row in reverse order (for order-independence checks). */
    ChainSnapshot snapshot(boolean reversed) {
        SnapshotBuilder b = new SnapshotBuilder("T", "测试链");
        List<Object[]> segs = new ArrayList<>(segments);
        List<Object[]> fl = new ArrayList<>(flows);
        List<Firm> fs = new ArrayList<>(firms);
        List<Supply> sp = new ArrayList<>(supplies);
        if (reversed) {
            java.util.Collections.reverse(segs);
            java.util.Collections.reverse(fl);
            java.util.Collections.reverse(fs);
            java.util.Collections.reverse(sp);
        }
        segs.forEach(s -> b.segment((String) s[0], (String) s[1], (Stage) s[2], (boolean) s[3], (int) s[4], (String) s[5]));
        fl.forEach(f -> b.flow((String) f[0], (String) f[1], (boolean) f[2]));
        for (Firm f : fs) {
            b.enterprise(f.uscc(), f.name(), f.region(), f.zone(), f.revenue());
            List<String> ms = new ArrayList<>(f.segments());
            if (reversed) {
                java.util.Collections.reverse(ms);
            }
            ms.forEach(m -> b.membership(f.uscc(), m));
        }
        sp.forEach(s -> b.supply(s.supplier(), s.customer(), s.product(), s.amount()));
        return b.build(1);
    }

    static DiagnosisEngine engine() {
        return new DiagnosisEngine(code -> "R" + code);
    }

    static Diagnosis diagnose(ChainSnapshot s, String region, DiagnosisSettings settings) {
        return engine().diagnose(s, RegionScope.of(s, new RegionRef(region, region, "X", region), null), settings);
    }

    Diagnosis diagnose(String region, DiagnosisSettings settings) {
        return diagnose(snapshot(), region, settings);
    }

    Diagnosis diagnose() {
        return diagnose(LOCAL, DiagnosisSettings.defaults());
    }

    static SegmentDiagnosis segment(Diagnosis d, String id) {
        return d.segments().stream().filter(s -> s.segmentId().equals(id)).findFirst().orElseThrow();
    }

    static DiagnosisSettings settings(int fewEnterprises, double topProvinceShare) {
        DiagnosisSettings d = DiagnosisSettings.defaults();
        return new DiagnosisSettings(d.minEnterprises(), d.weakLq(), d.strongLq(), d.singleEnterpriseShare(),
                d.outsideInputShare(), d.minSupplyRelations(), d.extendSteps(), d.hhiLimit(), fewEnterprises,
                topProvinceShare, d.minRevenueCoverage());
    }
}
