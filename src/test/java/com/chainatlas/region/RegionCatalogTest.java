package com.chainatlas.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCatalogTest {

    private final RegionCatalog catalog = new RegionCatalog();

    @Test
    void shipsTheCompleteDivisionList() {
        assertThat(catalog.ofLevel(RegionLevel.PROVINCE)).hasSize(31);
        assertThat(catalog.ofLevel(RegionLevel.CITY)).hasSize(342);
        assertThat(catalog.ofLevel(RegionLevel.COUNTY)).hasSize(2975);
    }

    @Test
    void everyParentExistsOneLevelUpAndSharesTheCodePrefix() {
        for (Region r : catalog.all()) {
            assertThat(r.code()).matches("\\d{6}");
            if (r.level() == RegionLevel.PROVINCE) {
                assertThat(r.parentCode()).isNull();
                continue;
            }
            Region parent = catalog.find(r.parentCode()).orElseThrow(() -> new AssertionError("no parent for " + r));
            assertThat(parent.level().ordinal()).as(r.code()).isEqualTo(r.level().ordinal() - 1);
            assertThat(parent.contains(r.code())).as(r.code()).isTrue();
        }
    }

    @Test
    void namesAndPaths() {
        assertThat(catalog.fullName("340104")).isEqualTo("安徽省 合肥市 蜀山区");
        assertThat(catalog.fullName("110105")).isEqualTo("北京市 朝阳区"); // municipality: no repeated name
        assertThat(catalog.find("110100").orElseThrow().name()).isEqualTo("北京市");
        assertThat(catalog.children("340100")).extracting(Region::name).contains("蜀山区", "巢湖市");
        assertThat(catalog.exists("999999")).isFalse();
    }
}
