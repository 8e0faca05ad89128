package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's static NAT against the deployment's public/private pairs, on the native-export sample's ASA. */
class NatCheckTest {
    private static final Path SAMPLE = Path.of("samples/contoso-scaled-dns-nat");

    private static List<Report.ReportDiagnostic> check(Path asa) throws Exception {
        Deployment d = DeploymentLoader.load(SAMPLE.resolve("deployment.yaml"), "deployment.yaml");
        FirewallSpec fw = d.firewalls().get(0);
        ImportResult ir = Importers.load(asa, "edge-external.asa", null);
        return NatCheck.check(fw, ir, NatCheck.pairs(d));
    }

    private static Path edited(Path dir, String from, String to) throws Exception {
        String text = Files.readString(SAMPLE.resolve("edge-external.asa"));
        assertTrue(text.contains(from), from);
        Path p = dir.resolve("edge-external.asa");
        Files.writeString(p, text.replace(from, to));
        return p;
    }

    @Test
    void theSampleTranslatesEveryEdgeAddressAsTheDeploymentSays() throws Exception {
        assertEquals(List.of(), check(SAMPLE.resolve("edge-external.asa")));
    }

    @Test
    void aPrivateAddressTranslatedToAnotherPublicAddressIsNamedWithItsNatLine(@TempDir Path dir) throws Exception {
        List<Report.ReportDiagnostic> w = check(edited(dir, "static 131.107.155.32", "static 131.107.155.99"));
        assertEquals(1, w.size(), w.toString());
        assertEquals(126, w.get(0).line());
        assertEquals("nat", w.get(0).category());
        assertTrue(w.get(0).message().contains("edge02 A/V Edge 172.25.33.32 to 131.107.155.99"), w.get(0).message());
    }

    @Test
    void aPublicAddressTranslatedToTheWrongServerIsNamed(@TempDir Path dir) throws Exception {
        // the object behind edge02's Access Edge NAT names the wrong host: one warning, on its NAT line
        List<Report.ReportDiagnostic> w = check(edited(dir, " host 172.25.33.12\n", " host 172.25.33.13\n"));
        assertEquals(1, w.size(), w.toString());
        assertEquals(118, w.get(0).line());
        assertTrue(w.get(0).message().contains("public address 131.107.155.12 to 172.25.33.13, not to its address 172.25.33.12"), w.toString());
    }

    @Test
    void anEdgeAddressLeftOutOfTheNatOfTheOthersIsNamed(@TempDir Path dir) throws Exception {
        List<Report.ReportDiagnostic> w = check(edited(dir, "object network AVE02\n nat (dmz,outside) static 131.107.155.32\n", ""));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("translates 5 of the deployment's public addresses, but none of its rules translates "
                + "edge02 A/V Edge 172.25.33.32 to 131.107.155.32"), w.toString());
    }

    @Test
    void aFirewallWithoutNatIsTakenToSitBehindAnotherNatDevice(@TempDir Path dir) throws Exception {
        String text = Files.readString(SAMPLE.resolve("edge-external.asa")).replaceAll("(?m)^ nat \\(dmz,outside\\).*\\n", "");
        Path p = dir.resolve("edge-external.asa");
        Files.writeString(p, text);
        assertEquals(List.of(), check(p));
    }

    @Test
    void edgeAddressesPublicOnAFirewallThatTranslatesFirstIsContradicted() throws Exception {
        Deployment d = DeploymentLoader.load(SAMPLE.resolve("deployment.yaml"), "deployment.yaml");
        FirewallSpec fw = d.firewalls().get(0);
        FirewallSpec pub = new FirewallSpec(fw.name(), fw.config(), fw.configDisplay(), fw.format(), fw.interfaces(), fw.host(), "public", fw.line());
        ImportResult ir = Importers.load(SAMPLE.resolve("edge-external.asa"), "edge-external.asa", null);
        List<Report.ReportDiagnostic> w = NatCheck.check(pub, ir, NatCheck.pairs(d));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).message().contains("'edgeAddresses: public'"), w.toString());
        assertTrue(w.get(0).message().contains("edge-external.asa:116"), w.toString());
    }

    @Test
    void translationKeepsTheOffsetInABlockAndIgnoresManyToOne() {
        var from = Addresses.parse("172.25.33.0/24");
        var to = Addresses.parse("131.107.155.0/24");
        assertEquals(Addresses.parse("131.107.155.31"), NatCheck.translate(from, to, Addresses.parse("172.25.33.31")));
        assertNull(NatCheck.translate(from, Addresses.parse("131.107.155.1"), Addresses.parse("172.25.33.31")), "PAT");
        assertNull(NatCheck.translate(from, to, Addresses.parse("10.0.0.1")), "not covered");
    }

    @Test
    void anImporterThatGivesItsNatOnlyAsStagesIsCheckedToo(@TempDir Path dir) throws Exception {
        // the ASA's NAT stage with its NatRules left out, as an importer that only walks its translations gives it
        ImportResult asa = Importers.load(edited(dir, "static 131.107.155.32", "static 131.107.155.99"), "edge-external.asa", null);
        ImportResult stagesOnly = new ImportResult(asa.file(), asa.format(), asa.policies(), List.of(), asa.diagnostics(), asa.lines(),
                asa.unboundDefault());
        assertEquals(asa.nat().size(), NatCheck.fromTranslations(stagesOnly).size());
        Deployment d = DeploymentLoader.load(SAMPLE.resolve("deployment.yaml"), "deployment.yaml");
        List<Report.ReportDiagnostic> w = NatCheck.check(d.firewalls().get(0), stagesOnly, NatCheck.pairs(d));
        assertEquals(1, w.size(), w.toString());
        assertEquals(126, w.get(0).line());
        assertTrue(w.get(0).message().contains("edge02 A/V Edge 172.25.33.32 to 131.107.155.99"), w.get(0).message());
    }
}
