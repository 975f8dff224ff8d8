package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpectralRoleEmbeddingTest {

    /**
     * Two blocks: customers a0..a9 buy from most of sa0..sa5, b0..b7 from most of sb0..sb4; a0 also
     * buys from sb0, so the network is connected and its first singular vector is the trivial one.
     */
    private static SupplyTieNetwork twoBlocks() {
        List<SupplyRelation> relations = new ArrayList<>();
        for (String block : List.of("a", "b")) {
            int customers = block.equals("a") ? 10 : 8;
            int suppliers = block.equals("a") ? 6 : 5;
            for (int c = 0; c < customers; c++) {
                for (int s = 0; s < suppliers; s++) {
                    if ((c + s) % 3 != 0) {
                        relations.add(new SupplyRelation(block + c, "s" + block + s));
                    }
                }
            }
        }
        relations.add(new SupplyRelation("a0", "sb0"));
        return SupplyTieNetwork.of(relations);
    }

    @Test
    void firmsInTheSameBlockPointTheSameWay() {
        SupplyTieNetwork n = twoBlocks();
        SpectralRoleEmbedding e = new SpectralRoleEmbedding(n, 1, 7);
        assertThat(e.dimensions()).isEqualTo(1);
        double[] a1 = e.asCustomer(index(n, "a1"));
        assertThat(SpectralRoleEmbedding.dot(a1, e.asCustomer(index(n, "a7")))).isCloseTo(1, within(1e-9));
        assertThat(SpectralRoleEmbedding.dot(a1, e.asCustomer(index(n, "b3")))).isCloseTo(-1, within(1e-9));
        // a customer points where its suppliers do, away from the other block's; a supplier has no customer role
        assertThat(SpectralRoleEmbedding.dot(a1, e.asSupplier(index(n, "sa2")))).isCloseTo(1, within(1e-9));
        assertThat(SpectralRoleEmbedding.dot(a1, e.asSupplier(index(n, "sb2")))).isCloseTo(-1, within(1e-9));
        assertThat(e.asCustomer(index(n, "sa2"))).isNull();
        assertThat(e.asSupplier(index(n, "a1"))).isNull();
    }

    @Test
    void deterministicForASeed() {
        SupplyTieNetwork n = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(500, 3.4, 0.2, 1));
        SpectralRoleEmbedding first = new SpectralRoleEmbedding(n, 8, 3);
        SpectralRoleEmbedding second = new SpectralRoleEmbedding(n, 8, 3);
        for (int v = 0; v < n.firmCount(); v++) {
            assertThat(first.asCustomer(v)).isEqualTo(second.asCustomer(v));
            assertThat(first.asSupplier(v)).isEqualTo(second.asSupplier(v));
        }
    }

    @Test
    void symmetricEigenWorkedByHand() {
        // [[2, 1], [1, 2]]: eigenvalues 3 (1, 1)/√2 and 1 (1, −1)/√2
        double[][] vectors = new double[2][2];
        double[] values = SpectralRoleEmbedding.SymmetricEigen.decompose(new double[][] {{2, 1}, {1, 2}}, vectors);
        assertThat(values[0]).isCloseTo(3, within(1e-12));
        assertThat(values[1]).isCloseTo(1, within(1e-12));
        assertThat(Math.abs(vectors[0][0] + vectors[0][1])).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(vectors[1][0] + vectors[1][1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void rejectsBadRank() {
        assertThatThrownBy(() -> new SpectralRoleEmbedding(twoBlocks(), 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int index(SupplyTieNetwork n, String id) {
        return n.indexOf(id).getAsInt();
    }
}
