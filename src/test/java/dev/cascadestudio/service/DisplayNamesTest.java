package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How names are shown: space at either end made visible, so 'padded' and 'padded ' can be told apart. */
class DisplayNamesTest {

    @Test
    void spaceAtEitherEndIsDrawnAsAnOpenBoxAndSpaceInsideStaysAsItIs() {
        assertThat(DisplayNames.of("padded")).isEqualTo("padded");
        assertThat(DisplayNames.of("padded ")).isEqualTo("padded␣");
        assertThat(DisplayNames.of("  padded")).isEqualTo("␣␣padded");
        assertThat(DisplayNames.of(" two words  ")).isEqualTo("␣two words␣␣");
        assertThat(DisplayNames.of("   ")).isEqualTo("␣␣␣");
    }

    @Test
    void otherWhiteSpaceAtTheEndsAndControlCharactersAnywhereAreEscaped() {
        assertThat(DisplayNames.of("tab\t")).isEqualTo("tab\\t");
        assertThat(DisplayNames.of("nbsp\u00A0")).isEqualTo("nbsp\\u00A0");
        assertThat(DisplayNames.of("two\nlines")).isEqualTo("two\\nlines");
        assertThat(DisplayNames.of("\u001B]0;PWNED\u0007x")).isEqualTo("\\u001B]0;PWNED\\u0007x");
        assertThat(DisplayNames.of("no\u00A0break inside")).isEqualTo("no\u00A0break inside");
    }

    @Test
    void aMissingOrEmptyNameIsSaidInWords() {
        assertThat(DisplayNames.of(null)).isEqualTo("(no name)");
        assertThat(DisplayNames.of("")).isEqualTo("(empty name)");
        assertThat(DisplayNames.altered("padded ")).isTrue();
        assertThat(DisplayNames.altered("padded")).isFalse();
    }
}
