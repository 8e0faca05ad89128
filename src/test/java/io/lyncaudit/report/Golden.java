package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/report/expected; {@code -Dlyncaudit.updateGolden=true}
 * rewrites them from the current output instead of comparing.
 */
public final class Golden {
    /** Read from the source tree, not the classpath, so an update lands where git sees it. */
    public static final Path DIR = Path.of("src", "test", "resources", "report", "expected");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("lyncaudit.updateGolden");
    }

    /** Compares {@code actual} with the golden file {@code name}, or rewrites it when updating. */
    public static void assertText(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (updating()) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; run mvn -o test -Dlyncaudit.updateGolden=true and review the diff");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "output differs from " + file + "; if the change is intended, rerun with -Dlyncaudit.updateGolden=true");
    }
}
