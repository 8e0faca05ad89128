package io.lyncaudit.importer.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.Importers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file under src/test/resources and samples/ goes to both Windows detectors: the Windows
 * fixtures are detected as what they are, and nothing else is detected as Windows.
 */
class WindowsDetectionTest {

    private static byte[] head(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(64 * 1024);
        }
    }

    @Test
    void everyFixtureToTheDetectors() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources"), Path.of("samples"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        WindowsFirewallImporter fw = new WindowsFirewallImporter();
        WindowsIpsecImporter ipsec = new WindowsIpsecImporter();
        List<String> wrong = new ArrayList<>();
        int windows = 0;
        for (Path f : files) {
            String n = f.getFileName().toString();
            boolean fixture = f.startsWith(WindowsFixtures.DIR) && !n.endsWith(".json");
            // the native-export sample holds one of each
            boolean sample = f.startsWith(Path.of("samples/contoso-scaled-dns-nat"));
            boolean expectFw = fixture && n.startsWith("fe") || sample && n.equals("fe01-firewall.csv");
            boolean expectIpsec = fixture && n.startsWith("ipsec-") || sample && n.equals("ipsec-rules.txt");
            byte[] h = head(f);
            if (fw.detect(f, h) != expectFw) wrong.add(f + ": windows-firewall " + !expectFw);
            if (ipsec.detect(f, h) != expectIpsec) wrong.add(f + ": windows-ipsec " + !expectIpsec);
            if (expectFw) {
                windows++;
                assertEquals("windows-firewall", Importers.detect(f, n).format(), f.toString());
            }
            if (expectIpsec) assertEquals("windows-ipsec", Importers.detect(f, n).format(), f.toString());
        }
        assertEquals(List.of(), wrong);
        assertEquals(9, windows, "the eight firewall fixtures and the sample's export were seen");
    }

    @Test
    void registered() {
        assertEquals(1, Importers.ALL.stream().filter(i -> i instanceof WindowsFirewallImporter).count());
        assertEquals(1, Importers.ALL.stream().filter(i -> i instanceof WindowsIpsecImporter).count());
        assertEquals("windows-firewall", Importers.forFormat("windows-firewall").format());
        assertEquals("windows-ipsec", Importers.forFormat("windows-ipsec").format());
    }
}
