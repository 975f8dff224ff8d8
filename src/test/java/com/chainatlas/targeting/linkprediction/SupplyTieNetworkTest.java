package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class SupplyNetworkTest {

    @Test
    void keepsRolesApartAndCountsDuplicatesOnce() {
        // B buys from A and sells to C: both roles
        SupplyTieNetwork n = SupplyTieNetwork.ofPairs(new String[][] {{"B", "A"}, {"C", "B"}, {"C", "B"}, {" C ", "A"}});
        assertThat(n.firmCount()).isEqualTo(3);
        assertThat(n.relationCount()).isEqualTo(3);
        assertThat(n.customerCount()).isEqualTo(2);
        assertThat(n.supplierCount()).isEqualTo(2);
        assertThat(n.supplies("A", "B")).isTrue();
        assertThat(n.supplies("B", "A")).isFalse();
        assertThat(n.supplies("A", "nobody")).isFalse();
        assertThat(n.undirectedProjection().edgeSet()).hasSize(3);
    }

    @Test
    void rejectsEmptyAndBadInput() {
        assertThatThrownBy(() -> SupplyTieNetwork.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one relation");
        assertThatThrownBy(() -> SupplyTieNetwork.ofPairs(new String[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupplyTieNetwork.ofPairs(new String[][] {{"a"}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupplyTieNetwork.ofPairs(new String[][] {{"a", " "}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supplier");
        assertThatThrownBy(() -> new SupplyRelation("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkPredictionMethod.fromCode("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlantedSupplyNetworkGenerator.generate(10, 3, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvReaderReportsBadRowsWithLineNumbers() throws Exception {
        String csv = "Customer , Supplier\n比亚迪,宁德时代\n\n\"广汽, 埃安\",\"宁德时代\"\n比亚迪,宁德时代\n一,二,三\n甲,甲\n\"open,x\n";
        var result = SupplyRelationCsv.read(new BufferedReader(new StringReader(csv)));
        assertThat(result.relations()).containsExactly(new SupplyRelation("比亚迪", "宁德时代"), new SupplyRelation("广汽, 埃安", "宁德时代"));
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.badRows()).extracting(SupplyRelationCsv.BadRow::line).containsExactly(6, 7, 8);
        assertThatThrownBy(() -> SupplyRelationCsv.read(new BufferedReader(new StringReader("from,to\na,b\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer,supplier");
        assertThatThrownBy(() -> SupplyRelationCsv.read(new BufferedReader(new StringReader("\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
