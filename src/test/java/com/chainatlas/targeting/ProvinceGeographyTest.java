package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

import org.junit.jupiter.api.Test;

class ProvinceGeographyTest {

    @Test
    void coversEveryProvinceAndNeighbourhoodIsSymmetric() {
        assertThat(ProvinceGeography.provinces()).hasSize(31);
        new RegionCatalog().ofLevel(RegionLevel.PROVINCE)
                .forEach(p -> assertThat(ProvinceGeography.provinces()).contains(p.code().substring(0, 2)));
        for (String a : ProvinceGeography.provinces()) {
            assertThat(ProvinceGeography.neighboursOf(a)).as(a).isNotEmpty();
            for (String b : ProvinceGeography.neighboursOf(a)) {
                assertThat(ProvinceGeography.neighbours(b, a)).as(a + "-" + b).isTrue();
            }
        }
    }

    @Test
    void knownNeighboursAndDistances() {
        assertThat(ProvinceGeography.neighbours("340000", "320000")).isTrue(); // 安徽–江苏
        assertThat(ProvinceGeography.neighbours("340000", "440000")).isFalse(); // 安徽–广东
        // 合肥–南京 about 140 km; 合肥–广州 about 1,050 km (great circle)
        assertThat(ProvinceGeography.distanceKm("34", "32")).isCloseTo(140, within(25.0));
        assertThat(ProvinceGeography.distanceKm("34", "44")).isCloseTo(1050, within(60.0));
        assertThat(ProvinceGeography.distanceKm("34", "34")).isZero();
    }
}
