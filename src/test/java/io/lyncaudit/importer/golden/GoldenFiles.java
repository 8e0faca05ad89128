package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a committed golden file under src/test/resources; run the build with
 * {@code -Dlyncaudit.updateGolden=true} to rewrite the goldens after an intended change, then review the diff.
 */
public final class GoldenFiles {
    private GoldenFiles() {}

    public static final Path RESOURCES = Path.of("src", "test", "resources");

    public static boolean updating() {
        return Boolean.getBoolean("lyncaudit.updateGolden");
    }

    /** Asserts that {@code actual} equals the golden file at {@code resource} (relative to src/test/resources). */
    public static void assertGolden(String resource, String actual) throws IOException {
        Path golden = RESOURCES.resolve(resource);
        if (updating()) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            throw new AssertionError("no golden file " + golden + "; run with -Dlyncaudit.updateGolden=true to create it");
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "output differs from " + golden
                + " (run with -Dlyncaudit.updateGolden=true to accept the change)");
    }

    public static Path resource(String resource) {
        return RESOURCES.resolve(resource);
    }
}
