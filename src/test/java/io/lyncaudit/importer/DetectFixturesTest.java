package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every importer fixture goes through {@link Importers#detect}: a vendor's own fixtures are detected
 * as that vendor (broken ones too, e.g. a truncated file: {@code *.bad}), and its wrong-vendor and binary
 * negative ones ({@code wrong-vendor*.bad}, {@code binary*.bad}) as anything else or nothing.
 */
class DetectFixturesTest {

    static final Path ROOT = Path.of("src", "test", "resources", "importer");
    /** Fixture directory to the format its (non-negative, non-golden) fixtures must be detected as. */
    static final Map<String, String> DIRS = Map.of("iptables", "iptables", "nftables", "nftables", "neutral", "neutral",
            "sheet", "spreadsheet", "panos", "panos", "srx", "junos-srx", "fortigate", "fortigate");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            List<Path> all = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().contains(".golden."))
                    .filter(p -> DIRS.containsKey(p.getParent().getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().endsWith(".xlsx.txt"))
                    .filter(p -> !p.getFileName().toString().endsWith(".action")) // a golden fixture's row action, not an input
                    .sorted().toList();
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void detectsEachFixtureAsItsVendorOnly(Path fixture) {
        String dir = fixture.getParent().getFileName().toString();
        String expected = DIRS.get(dir);
        String got;
        try {
            got = Importers.detect(fixture, fixture.toString()).format();
        } catch (BadInputException e) {
            got = null;
        }
        String name = fixture.getFileName().toString();
        if (name.endsWith(".bad") && (name.startsWith("wrong-vendor") || name.startsWith("binary"))) {
            assertNotEquals(expected, got, fixture + " is a negative fixture for " + expected);
        } else {
            assertEquals(expected, got, fixture.toString());
        }
    }
}
