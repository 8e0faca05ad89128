package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.importer.srx.SrxImporter;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written Junos SRX exports (set and hierarchical form) under importer/srx/ import into their committed golden neutral JSON. */
class SrxGoldenTest {

    static final String DIR = "importer/srx/";

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.contains(".golden.")).sorted().toList().stream();
        }
    }

    static Stream<String> good() throws IOException {
        return files().filter(n -> !n.endsWith(".bad"));
    }

    static Stream<String> bad() throws IOException {
        return files().filter(n -> n.endsWith(".bad"));
    }

    @ParameterizedTest
    @MethodSource("good")
    void importsIntoGolden(String fixture) throws Exception {
        ImportResult r = new SrxImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture);
        GoldenFiles.assertGolden(DIR + fixture + ".golden.json", NeutralWriter.toJson(r));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusesWhatIsNotAJunosConfiguration(String fixture) {
        assertThrows(BadInputException.class, () -> new SrxImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture));
    }
}
