package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.Test;

/** The fast paths of the text normalisers agree with the plain definitions for every char. */
class TextTest {

    @Test
    void blankMatchesTheCharacterClassesForEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
            assertThat(Text.blank(c)).as("U+%04X", i).isEqualTo(expected);
        }
    }

    @Test
    void usccNormaliseKeepsPlainCodesAndFixesOthers() {
        String plain = Uscc.of("340104", 123L);
        assertThat(Uscc.normalise(plain)).isSameAs(plain);
        assertThat(Uscc.normalise(" " + plain.toLowerCase() + "\u3000")).isEqualTo(plain);
        String fullWidth = plain.chars().mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0))).reduce("", String::concat);
        assertThat(Uscc.normalise(fullWidth)).isEqualTo(plain);
    }
}
