package com.chainatlas.targeting.linkprediction;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the evaluation draws the unrelated pairs (负样本) a held-out relation s → c is compared with. The
 * protocol decides which question the figures answer:
 * <ul>
 * <li>{@link #UNIFORM}: any firm that buys with any firm that sells. "Is this pair more likely than a
 * random pair?" — rewards popularity (degree) alone.</li>
 * <li>{@link #SAME_CUSTOMER}: the same customer c with another seller s'. "For our firm c, which outside
 * suppliers will it buy from?" — the question a 招商 team asks for its local firms.</li>
 * <li>{@link #SAME_SUPPLIER}: the same supplier s with another buyer c'. "Which firms will this supplier
 * sell to?" — the question behind 预计可为本地企业 XX 供货.</li>
 * </ul>
 * The per-firm rankings ({@link PerFirmRanking}) rank, for each customer (for {@code same-supplier}:
 * each supplier), its held-out partners among drawn unrelated firms of the other role.
 */
enum NegativeProtocol {

    UNIFORM("uniform"),
    SAME_CUSTOMER("same-customer"),
    SAME_SUPPLIER("same-supplier");

    private final String code;

    NegativeProtocol(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Whether the per-firm rankings rank suppliers for a customer (else customers for a supplier). */
    boolean ranksPerCustomer() {
        return this != SAME_SUPPLIER;
    }

    /** @throws IllegalArgumentException for an unknown code, listing the known ones */
    static NegativeProtocol fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown negatives '" + code + "'; known: "
                        + Arrays.stream(values()).map(NegativeProtocol::code).collect(Collectors.joining(", "))));
    }
}
