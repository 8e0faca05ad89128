package io.lyncaudit.importer.golden;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lyncaudit.importer.nftables.NftablesImporter;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written nftables rulesets (text and JSON) under importer/nftables/ import into their committed golden neutral JSON. */
class NftablesGoldenTest {

    static final String DIR = "importer/nftables/";

    static Stream<String> fixtures(String ext) throws IOException {
        try (Stream<Path> s = Files.list(GoldenFiles.resource(DIR))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ext) && !n.contains(".golden.")).sorted().toList().stream();
        }
    }

    static Stream<String> good() throws IOException {
        return Stream.concat(fixtures(".nft"), fixtures(".json")).sorted();
    }

    static Stream<String> bad() throws IOException {
        return fixtures(".bad");
    }

    @ParameterizedTest
    @MethodSource("good")
    void importsIntoGolden(String fixture) throws Exception {
        ImportResult r = new NftablesImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture);
        GoldenFiles.assertGolden(DIR + fixture + ".golden.json", NeutralWriter.toJson(r));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void refusesWhatIsNotAnNftablesRuleset(String fixture) {
        assertThrows(BadInputException.class, () -> new NftablesImporter().importFile(GoldenFiles.resource(DIR + fixture), DIR + fixture));
    }
}
