package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.asa.AsaImporter;
import io.lyncaudit.importer.ios.IosImporter;
import io.lyncaudit.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two Cisco importers neither detect nor read each other's exports. */
class CiscoWrongVendorTest {
    static final Path RES = Path.of("src", "test", "resources", "importer");

    static Stream<Path> files(String dir, String ext) throws Exception {
        return Files.list(RES.resolve(dir)).filter(p -> p.toString().endsWith(ext)).sorted();
    }

    @Test
    void asaDetectorRejectsIosFixturesAndTheOtherWay() throws Exception {
        for (Path p : files("ios", ".ios").toList()) {
            assertFalse(new AsaImporter().detect(p, Files.readAllBytes(p)), p.toString());
        }
        for (Path p : files("asa", ".asa").toList()) {
            assertFalse(new IosImporter().detect(p, Files.readAllBytes(p)), p.toString());
        }
    }

    @Test
    void readingTheWrongCiscoIsAClearError() throws Exception {
        Path ios = RES.resolve("ios/edge-router.ios"), asa = RES.resolve("asa/edge-basic.asa");
        BadInputException a = assertThrows(BadInputException.class, () -> new AsaImporter().importFile(ios, "edge-router.ios"));
        assertTrue(a.getMessage().contains("cisco-ios"), a.getMessage());
        BadInputException b = assertThrows(BadInputException.class, () -> new IosImporter().importFile(asa, "edge-basic.asa"));
        assertTrue(b.getMessage().contains("cisco-asa"), b.getMessage());
    }

    @Test
    void spreadsheetsAreNotTakenForCisco() throws Exception {
        for (Path p : files("sheet", ".csv").toList()) {
            byte[] head = Files.readAllBytes(p);
            assertFalse(new AsaImporter().detect(p, head), p.toString());
            assertFalse(new IosImporter().detect(p, head), p.toString());
        }
    }
}
