package io.lyncaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Messages built from input never echo megabytes or raw escape sequences. */
class ExcerptTest {

    @Test
    void controlAndEscapeCharactersAreMadeVisible() {
        assertEquals("\\u001b[31mred\\u001b[0m \\u0007 \\u202e \\u0000 tab\\u0009", Excerpt.visible("\u001b[31mred\u001b[0m \u0007 \u202e \0 tab\t"));
        assertEquals("caf\u00e9 \u20ac \ud83d\ude00", Excerpt.visible("caf\u00e9 \u20ac \ud83d\ude00"), "printable text stays as it is");
        assertEquals("\\ud83d x", Excerpt.visible("\ud83d x"), "a lone surrogate is shown as its code");
    }

    @Test
    void aLongValueIsCutToAnExcerpt() {
        String huge = "9".repeat(50_000_000);
        String e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Excerpt.of(huge));
        assertEquals("9".repeat(80) + "\u2026 (50000000 characters)", e);
        assertEquals("short", Excerpt.of("short"));
    }

    @Test
    void everyBadInputMessageIsSafe() {
        String huge = "x".repeat(5_000_000);
        BadInputException b = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new BadInputException("f.csv", 3, "port '\u001b[2J" + huge + "' is outside 0-65535"));
        assertEquals("f.csv:3: port '\\u001b[2J" + "x".repeat(76) + "\u2026 (5000004 characters)' is outside 0-65535", b.getMessage());
        assertFalse(b.getMessage().contains("\u001b"));
        // an apostrophe is no quote: a message with "can't" in it is left whole
        String poi = "not a readable XLSX workbook: Can't read content types part ! (Zip bomb detected! The file would exceed the max. ratio)";
        assertEquals("f: " + poi, new BadInputException("f", 0, poi).getMessage());
        // unquoted megabytes are cut too, as a whole
        String m = new BadInputException("f", 0, "y".repeat(100_000)).getMessage();
        assertTrue(m.length() < Excerpt.MAX_MESSAGE + 40 && m.endsWith("\u2026 (100003 characters)"), m.substring(m.length() - 40));
    }
}
