package com.chainatlas.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.chainatlas.innovation.Pairing.PairedInstitution;
import com.chainatlas.innovation.Pairing.Score;
import com.chainatlas.innovation.Pairing.Tier;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionLevel;

import org.junit.jupiter.api.Test;

class PairingScoreTest {

    private static final Region HEFEI = new Region("340100", "合肥市", RegionLevel.CITY, "340000");
    private static final Region SHUSHAN = new Region("340104", "蜀山区", RegionLevel.COUNTY, "340100");
    private static final Region ANHUI = new Region("340000", "安徽省", RegionLevel.PROVINCE, null);

    @Test
    void totalIsTheWeightedSumOfItsParts() {
        assertThat(Score.of(Tier.LOCAL, "NATIONAL", 5, 2)).isEqualTo(new Score(3, 3, 5, 2, 3352));
        assertThat(Score.of(Tier.NATIONAL, "MUNICIPAL", 1, 0)).isEqualTo(new Score(1, 1, 1, 0, 1110));
        assertThat(Score.of(Tier.PROVINCE, null, 3, 1).total()).isEqualTo(2031);
        // parts are capped below 10 so the total never lets a lower key outweigh a higher one
        assertThat(Score.of(Tier.PROVINCE, "MUNICIPAL", 1, 25).total()).isEqualTo(2119)
                .isLessThan(Score.of(Tier.PROVINCE, "MUNICIPAL", 2, 0).total());
    }

    @Test
    void tierIsLocalThenSameProvinceThenElsewhere() {
        assertThat(ResearchPairing.tier(HEFEI, "340104")).isEqualTo(Tier.LOCAL);
        assertThat(ResearchPairing.tier(HEFEI, "340100")).isEqualTo(Tier.LOCAL);
        assertThat(ResearchPairing.tier(HEFEI, "340200")).isEqualTo(Tier.PROVINCE);
        assertThat(ResearchPairing.tier(HEFEI, "110100")).isEqualTo(Tier.NATIONAL);
        assertThat(ResearchPairing.tier(SHUSHAN, "340100")).isEqualTo(Tier.PROVINCE);
        assertThat(ResearchPairing.tier(ANHUI, "340200")).isEqualTo(Tier.LOCAL);
    }

    @Test
    void rankingIsByTotalThenId() {
        List<PairedInstitution> list = new ArrayList<>(List.of(inst("B", Tier.NATIONAL, "NATIONAL", 5, 1),
                inst("A", Tier.NATIONAL, "NATIONAL", 5, 1), inst("C", Tier.LOCAL, "MUNICIPAL", 1, 0),
                inst("D", Tier.NATIONAL, "NATIONAL", 5, 3)));
        list.sort(Score.RANKING);
        assertThat(list).extracting(PairedInstitution::id).containsExactly("C", "D", "A", "B");
    }

    @Test
    void reasonReadsAloud() {
        PairedInstitution p = new PairedInstitution("X", "某实验室", "KEY_LAB", "NATIONAL", 5, "340100", "安徽省 合肥市",
                Tier.LOCAL, List.of(new Pairing.Match("TECHNOLOGY", "T", "固态电池技术", List.of("电芯"), "研究 固态电池技术（应用于 电芯）")),
                Score.of(Tier.LOCAL, "NATIONAL", 5, 1), List.of(), 0, 0, null);
        assertThat(ResearchPairing.reason(p, 3, 2)).isEqualTo("本地国家级重点实验室，研究 固态电池技术，已与 3 家企业合作（本地 2 家）");
        assertThat(ResearchPairing.reason(p, 0, 0)).isEqualTo("本地国家级重点实验室，研究 固态电池技术，尚无已知企业合作");
    }

    private static PairedInstitution inst(String id, Tier tier, String level, int strength, int techs) {
        return new PairedInstitution(id, id, "INSTITUTE", level, strength, "110100", "", tier, List.of(),
                Score.of(tier, level, strength, techs), List.of(), 0, 0, "");
    }
}
