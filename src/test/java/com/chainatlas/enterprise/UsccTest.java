package com.chainatlas.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void acceptsPublishedCodes() {
        // Codes printed on public business licences (checked by hand with the GB 32100 weights).
        assertThat(Uscc.problem("91350100M000100Y43")).isEmpty();
        assertThat(Uscc.problem("9144030071526726XG")).isEmpty();
    }

    @Test
    void checkCharWorkedByHand() {
        // 91350100M000100Y4 → weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3 → CHARSET[3] = '3'
        assertThat(Uscc.checkChar("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void rejectsWrongCheckCharSayingSomeCharacterIsMistypedWithoutTheExpectedOne() {
        // Printing the "correct" check character invites changing the last character of a mistyped code (issue 10.4).
        assertThat(Uscc.problem("91350100M000100Y44")).hasValueSatisfying(p -> assertThat(p)
                .contains("校验位错误").contains("录入有误").doesNotContain("'3'").doesNotContain("应为"));
    }

    @Test
    void rejectsBadLengthAndCharacters() {
        assertThat(Uscc.problem("123")).hasValueSatisfying(p -> assertThat(p).contains("18 位"));
        assertThat(Uscc.problem("91350100M000100YI3")).hasValueSatisfying(p -> assertThat(p).contains("'I'"));
        assertThat(Uscc.problem("  ")).isPresent();
    }

    @Test
    void normalisesFullWidthAndSpaces() {
        assertThat(Uscc.problem("９１３５０１００Ｍ０００１００Ｙ４３")).isEmpty();
        assertThat(Uscc.problem(" 91350100m000100y43 ")).isEmpty();
    }

    @Test
    void generatedCodesValidate() {
        for (long i = 0; i < 2000; i++) {
            String code = Uscc.of("340104", i * 7919);
            assertThat(Uscc.problem(code)).as(code).isEmpty();
        }
    }
}
