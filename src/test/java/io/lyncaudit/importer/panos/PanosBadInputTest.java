package io.lyncaudit.importer.panos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: a clear error naming the file and line, never a hang, an expanded
 * entity or a stack trace; what is merely odd is a diagnostic, not an error.
 */
class PanosBadInputTest {
    @TempDir
    Path tmp;

    private ImportResult load(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return new PanosImporter().importFile(f, name);
    }

    private BadInputException refused(String name, String text) {
        Path f = tmp.resolve(name);
        try {
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return assertThrows(BadInputException.class, () -> new PanosImporter().importFile(f, name));
    }

    private static final String HEAD = "<config version=\"10.1.0\" urldb=\"paloaltonetworks\">\n";

    @Test
    void malformedXmlNamesTheLine() {
        BadInputException e = refused("broken.xml", HEAD + "<shared>\n<address>\n<entry name=\"a\"><ip-netmask>10.0.0.1</ip-netmask>\n"
                + "</address>\n</shared>\n</config>\n");
        assertTrue(e.getMessage().startsWith("broken.xml:5: not well-formed XML"), e.getMessage());
    }

    @Test
    void entitiesAreNeverExpanded() {
        // the billion laughs and an external entity: refused at the document type declaration, before any expansion
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE config [\n<!ENTITY a \"aaaaaaaaaa\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
            for (int k = 0; k < 10; k++) laughs.append('&').append((char) ('a' + i - 1)).append(';');
            laughs.append("\">\n");
        }
        laughs.append("]>\n").append(HEAD).append("<shared><address><entry name=\"x\"><description>&j;</description>")
                .append("<ip-netmask>10.0.0.1</ip-netmask></entry></address></shared>\n</config>\n");
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused("laughs.xml", laughs.toString()));
        assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
        // an entity reference without a declaration is refused too, and names its line
        BadInputException u = refused("undeclared.xml", HEAD + "<shared>\n<address><entry name=\"x\"><description>&secret;</description>"
                + "</entry></address>\n</shared>\n</config>\n");
        assertTrue(u.getMessage().startsWith("undeclared.xml:3:"), u.getMessage());
    }

    @Test
    void nestingIsLimited() {
        StringBuilder deep = new StringBuilder(HEAD).append("<shared>");
        for (int i = 0; i < 1000; i++) deep.append("<a>");
        for (int i = 0; i < 1000; i++) deep.append("</a>");
        deep.append("</shared>\n</config>\n");
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused("deep.xml", deep.toString()));
        assertTrue(e.getMessage().contains("nested deeper than " + PanXmlReader.MAX_DEPTH), e.getMessage());
    }

    @Test
    void theSizeLimitIsCheckedBeforeReading() throws Exception {
        Path f = tmp.resolve("huge.xml");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(PanosImporter.MAX_BYTES + 1); // sparse: nothing is written
        }
        BadInputException e = assertThrows(BadInputException.class, () -> new PanosImporter().importFile(f, "huge.xml"));
        assertTrue(e.getMessage().contains("256 MiB"), e.getMessage());
    }

    @Test
    void aSetLineBeyondTheLimitIsRefusedAndNamed() {
        String big = "set address a ip-netmask 10.0.0.1\nset rulebase security rules r description \"" + "x".repeat(PanSetReader.MAX_LINE)
                + "\"\n";
        BadInputException e = refused("long.set", big);
        assertTrue(e.getMessage().startsWith("long.set:2"), e.getMessage());
    }

    @Test
    void anotherXmlDocumentIsNotAPanosConfiguration() {
        BadInputException e = refused("pom.xml", "<?xml version=\"1.0\"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n");
        assertTrue(e.getMessage().contains("not a PAN-OS configuration"), e.getMessage());
    }

    @Test
    void anEmptyExportIsTheDefaultsAloneNotAnError() throws Exception {
        ImportResult r = load("empty.xml", "\n\n");
        assertEquals(0, r.ruleCount());
        assertEquals(0, r.lines().total());
    }

    @Test
    void aPanoramaConfigurationWithSeveralDeviceGroupsIsRefusedNamingThem() {
        BadInputException e = refused("pano.xml", HEAD + "<devices><entry name=\"localhost.localdomain\"><device-group>\n"
                + "<entry name=\"Branches\"/>\n<entry name=\"DataCenter\"/>\n</device-group></entry></devices>\n</config>\n");
        assertTrue(e.getMessage().contains("Branches, DataCenter"), e.getMessage());
    }

    @Test
    void groupCyclesAndDeepNestingAreDiagnosticsNotCrashes() throws Exception {
        StringBuilder x = new StringBuilder(HEAD).append("<devices><entry name=\"localhost.localdomain\"><vsys><entry name=\"vsys1\">\n");
        x.append("<address-group>\n");
        x.append("<entry name=\"g1\"><static><member>g2</member></static></entry>\n");
        x.append("<entry name=\"g2\"><static><member>g1</member></static></entry>\n");
        for (int i = 0; i < 100; i++) {
            x.append("<entry name=\"d").append(i).append("\"><static><member>").append(i == 99 ? "10.0.0.1" : "d" + (i + 1))
                    .append("</member></static></entry>\n");
        }
        x.append("</address-group>\n<rulebase><security><rules>\n");
        x.append("<entry name=\"cyc\"><from><member>a</member></from><to><member>b</member></to><source><member>g1</member></source>")
                .append("<destination><member>any</member></destination><application><member>any</member></application>")
                .append("<service><member>any</member></service><action>allow</action></entry>\n");
        x.append("<entry name=\"deep\"><from><member>a</member></from><to><member>b</member></to><source><member>d0</member></source>")
                .append("<destination><member>any</member></destination><application><member>any</member></application>")
                .append("<service><member>any</member></service><action>allow</action></entry>\n");
        x.append("</rules></security></rulebase>\n</entry></vsys></entry></devices>\n</config>\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load("cycles.xml", x.toString()));
        var rules = r.policies().get(0).rules();
        assertTrue(rules.get(0).uncertain() && rules.get(0).uncertainty().contains("contains itself"), rules.get(0).uncertainty());
        assertTrue(rules.get(1).uncertain() && rules.get(1).uncertainty().contains("nested deeper than"), rules.get(1).uncertainty());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.category() != Diagnostic.Category.IGNORED));
    }

    @Test
    void aSetLineThatCannotBeReadIsUnrecognizedNotAnError() throws Exception {
        ImportResult r = load("odd.set", "set zone a network layer3 ethernet1/1\nset zone b network layer3 ethernet1/2\n"
                + "set rulebase security rules r from a to b source \"unclosed\n"
                + "set rulebase security rules r2 from a to b source any destination any application any service any action allow\n"
                + "this is not a command\n");
        assertEquals(2, r.lines().unrecognized(), r.diagnostics().toString());
        assertFalse(r.policies().get(0).rules().isEmpty());
    }

    @Test
    void manyRulesAndMembersImportQuickly() throws Exception {
        StringBuilder x = new StringBuilder(HEAD).append("<devices><entry name=\"localhost.localdomain\"><vsys><entry name=\"vsys1\">\n");
        x.append("<address-group><entry name=\"big\"><static>\n");
        for (int i = 0; i < 20_000; i++) x.append("<member>10.").append(i >> 8 & 255).append('.').append(i & 255).append(".7</member>\n");
        x.append("</static></entry></address-group>\n<rulebase><security><rules>\n");
        for (int i = 0; i < 5_000; i++) {
            x.append("<entry name=\"r").append(i).append("\"><from><member>a</member></from><to><member>b</member></to>")
                    .append("<source><member>big</member></source><destination><member>172.16.").append(i >> 8 & 255).append('.')
                    .append(i & 255).append("</member></destination><application><member>any</member></application>")
                    .append("<service><member>service-https</member></service><action>allow</action></entry>\n");
        }
        x.append("</rules></security></rulebase>\n</entry></vsys></entry></devices>\n</config>\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load("many.xml", x.toString()));
        assertEquals(5_000 + 2, r.policies().get(0).rules().size());
    }

    @Test
    void anXmlAnswerOnOneLineImportsAndShowsEachRuleByItsTag() throws Exception {
        StringBuilder x = new StringBuilder("<response status=\"success\"><result><config version=\"10.1.0\" urldb=\"paloaltonetworks\">");
        x.append("<devices><entry name=\"localhost.localdomain\"><vsys><entry name=\"vsys1\"><rulebase><security><rules>");
        for (int i = 0; i < 3_000; i++) {
            x.append("<entry name=\"r").append(i).append("\"><from><member>a</member></from><to><member>b</member></to>")
                    .append("<source><member>any</member></source><destination><member>10.1.").append(i >> 8).append('.').append(i & 255)
                    .append("</member></destination><application><member>any</member></application>")
                    .append("<service><member>service-https</member></service><action>allow</action></entry>");
        }
        x.append("</rules></security></rulebase></entry></vsys></entry></devices></config></result></response>");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load("one-line.xml", x.toString()));
        assertEquals(1, r.lines().total());
        assertEquals(1, r.lines().used());
        var first = r.policies().get(0).rules().get(0);
        assertEquals(1, first.source().line());
        assertEquals("<entry name=\"r0\">", first.source().text());
    }

    @Test
    void aScriptsDeleteRemovesWhatItNamesAndItsLinesSaySo() throws Exception {
        ImportResult r = load("script.set", "set zone a network layer3 ethernet1/1\nset zone b network layer3 ethernet1/2\n"
                + "set rulebase security rules any-any from any to any source any destination any application any service any action allow\n"
                + "set rulebase security rules web from a to b source any destination [ 10.0.0.1 10.0.0.2 ] application any service "
                + "service-https action allow\n"
                + "delete rulebase security rules any-any\n"
                + "delete rulebase security rules web destination 10.0.0.2\n"
                + "delete rulebase security rules nosuchrule\n");
        assertEquals(io.lyncaudit.policy.Action.PERMIT, io.lyncaudit.importer.OnePacket.decide(r, "a", "b", "tcp", "192.0.2.1", "10.0.0.1", 443));
        assertEquals(io.lyncaudit.policy.Action.DENY, io.lyncaudit.importer.OnePacket.decide(r, "a", "b", "tcp", "192.0.2.1", "10.0.0.2", 443));
        assertEquals(io.lyncaudit.policy.Action.DENY, io.lyncaudit.importer.OnePacket.decide(r, "a", "b", "tcp", "192.0.2.1", "10.0.0.1", 22));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().equals("removed by the delete command on line 5")),
                r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 7 && d.message().startsWith("deletes what the configuration does not hold")),
                r.diagnostics().toString());
        assertEquals(0, r.lines().unrecognized(), r.diagnostics().toString());
    }
}
