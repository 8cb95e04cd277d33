package de.dormagentwin.model.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTextTest {

    @Test
    void aNewlineCannotStartAForgedLogLine() {
        String forged = SafeText.of("box-1\n2026-12-04 twin: cache wiped");
        assertFalse(forged.contains("\n"));
        assertEquals("box-1\\n2026-12-04 twin: cache wiped", forged);
    }

    @Test
    void terminalEscapesAndBidiOverridesAreShownNotObeyed() {
        assertEquals("\\u001B[2J\\u001B[H", SafeText.of("\u001b[2J\u001b[H"));
        assertEquals("abc\\u202Efdp.exe", SafeText.of("abc\u202Efdp.exe"));
        assertEquals("\\u0000\\u007F\\u2028", SafeText.of("\u0000\u007f\u2028"));
    }

    @Test
    void umlautsEmojiAndCjkPassUnchanged() {
        String text = "Grünfläche Straße µg/m³ 😀 東京";
        assertEquals(text, SafeText.of(text));
    }

    @Test
    void aLoneSurrogateIsEscaped() {
        assertEquals("a\\uD800b", SafeText.of("a\uD800b"));
    }

    @Test
    void longTextIsCutAndSaysHowMuchWasCut() {
        String cut = SafeText.of("x".repeat(1_000), 10);
        assertTrue(cut.startsWith("xxxxxxxxxx…"), cut);
        assertTrue(cut.endsWith("(990 more)"), cut);
        assertEquals("null", SafeText.of(null));
    }
}
