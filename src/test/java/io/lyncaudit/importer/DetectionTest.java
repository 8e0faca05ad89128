package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vendor fixture is detected as its own format by content, and no detector claims another vendor's file. */
class DetectionTest {
    static final Path RES = Path.of("src", "test", "resources", "importer");

    static Stream<String[]> fixtures() throws IOException {
        List<String[]> out = new ArrayList<>();
        String[][] vendors = {{"asa", ".asa", "cisco-asa"}, {"ios", ".ios", "cisco-ios"}};
        for (String[] v : vendors) {
            try (Stream<Path> s = Files.list(RES.resolve(v[0]))) {
                s.filter(p -> p.toString().endsWith(v[1])).sorted().forEach(p -> out.add(new String[] {p.toString(), v[2]}));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureIsDetectedAsItsFormat(String file, String format) throws Exception {
        Path p = Path.of(file);
        // detection must work from content alone: copy under a neutral name
        Path copy = Files.createTempFile("fixture", ".txt");
        try {
            Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(format, Importers.detect(copy, file).format());
        } finally {
            Files.delete(copy);
        }
    }
}
