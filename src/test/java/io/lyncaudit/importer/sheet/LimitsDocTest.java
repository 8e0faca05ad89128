package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/importer-spreadsheet.md lists every limit of {@link Limits} with its value. */
class LimitsDocTest {

    @Test
    void everyLimitIsDocumentedWithItsValue() throws Exception {
        List<String> doc = Files.readAllLines(Path.of("docs/importer-spreadsheet.md"));
        int checked = 0;
        for (Field f : Limits.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            long v = ((Number) f.get(null)).longValue();
            String name = "`" + f.getName() + "`";
            String row = doc.stream().filter(l -> l.startsWith("| " + name + " |")).findFirst().orElse(null);
            assertTrue(row != null, name + " has no row in the limits table");
            String shown = f.getName().endsWith("_BYTES") ? (v >= 1L << 30 ? (v >> 30) + " GiB" : (v >> 20) + " MiB")
                    : String.format(Locale.ROOT, "%,d", v);
            assertTrue(row.contains("| " + shown), name + " is " + shown + " but the doc says: " + row);
            checked++;
        }
        assertEquals(13, checked);
        assertTrue(String.join("\n", doc).contains("the first " + Header.SEARCH_ROWS + " rows"));
    }
}
