package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lyncaudit.importer.iptables.IptablesImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written iptables-save exports under importer/iptables/ import into their committed golden neutral JSON. */
class IptablesGoldenTest {

    static final String DIR = "importer/iptables/";

    static Stream<String> fixtures(String ext) throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ext)).sorted().toList().stream();
        }
    }

    static Stream<String> good() throws IOException {
        return fixtures(".rules");
    }

    static Stream<String> bad() throws IOException {
        return fixtures(".bad");
    }

    @ParameterizedTest
    @MethodSource("good")
    void importsIntoGolden(String fixture) throws Exception {
        ImportResult r = new IptablesImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture);
        GoldenFiles.assertGolden(DIR + fixture.substring(0, fixture.lastIndexOf('.')) + ".golden.json", NeutralWriter.toJson(r));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusesWhatIsNotIptablesSave(String fixture) {
        assertThrows(BadInputException.class, () -> new IptablesImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture));
    }
}
