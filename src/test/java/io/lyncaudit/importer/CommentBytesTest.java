package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A byte that is not UTF-8, a byte Windows-1252 leaves undefined, or an escape sequence in a
 * comment or remark never costs the rule, in every line format: the rule is read, and the
 * decoding is noted with its line and column. Junk where the rule is written still makes the
 * line unrecognized.
 */
class CommentBytesTest {
    static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path tmp;

    /** Each case: format, the export with one permit rule whose comment holds {@code %s}, the line of that comment. */
    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of("iptables", "*filter\n:FORWARD DROP [0:0]\n"
                        + "-A FORWARD -d 10.0.0.1/32 -p tcp --dport 22 -m comment --comment \"%s\" -j ACCEPT\nCOMMIT\n", 3),
                Arguments.of("iptables", "*filter\n:FORWARD DROP [0:0]\n"
                        + "-A FORWARD -d 10.0.0.1/32 -p tcp --dport 22 -m comment --comment x%sx -j ACCEPT\nCOMMIT\n", 3),
                Arguments.of("nftables", "table ip f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                        + "  ip daddr 10.0.0.1 tcp dport 22 accept comment \"%s\"\n }\n}\n", 4),
                Arguments.of("nftables", "table ip f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n"
                        + "  ip daddr 10.0.0.1 tcp dport 22 accept # %s\n }\n}\n", 4),
                Arguments.of("cisco-asa", "ASA Version 9.8(4)\ninterface Gi0/0\n nameif outside\n security-level 0\n"
                        + "access-list OUT remark %s\naccess-list OUT extended permit tcp any host 10.0.0.1 eq 22\n"
                        + "access-group OUT in interface outside\n", 5),
                Arguments.of("cisco-ios", "hostname r\nip access-list extended A\n remark %s\n permit tcp any host 10.0.0.1 eq 22\n"
                        + "interface Gi0/0\n description %s\n ip access-group A in\n", 3),
                Arguments.of("panos", "set service s protocol tcp port 22\nset rulebase security rules r from any to any source any "
                        + "destination 10.0.0.1 application any service s description \"%s\" action allow\n", 2),
                Arguments.of("fortigate", "config firewall policy\n    edit 1\n        set srcintf \"port1\"\n        set dstintf \"port2\"\n"
                        + "        set srcaddr \"all\"\n        set dstaddr \"all\"\n        set action accept\n        set service \"SSH\"\n"
                        + "        set comments \"%s\"\n    next\nend\n", 9),
                Arguments.of("fortigate", "# %s\nconfig firewall policy\n    edit 1\n        set srcintf \"port1\"\n        set dstintf \"port2\"\n"
                        + "        set srcaddr \"all\"\n        set dstaddr \"all\"\n        set action accept\n        set service \"SSH\"\n    next\nend\n", 1));
    }

    private ImportResult load(String format, byte[] bytes) throws Exception {
        Path f = Files.write(tmp.resolve("export.txt"), bytes);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Importers.load(f, "export.txt", format));
    }

    private static void ruleIsRead(ImportResult r) {
        assertEquals(1, r.ruleCount(), r.diagnostics().toString());
        assertEquals(0, r.lines().unrecognized(), r.diagnostics().toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("exports")
    void aLatin1CommentKeepsTheRule(String format, String template, int line) throws Exception {
        ImportResult r = load(format, template.replace("%s", "accès-réservé").getBytes(CP1252));
        ruleIsRead(r);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 0 && d.message().startsWith("line " + line + ", ")
                && d.message().endsWith("the file is read as windows-1252")),
                r.diagnostics().toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("exports")
    void anUndefinedByteInACommentKeepsTheRuleAndIsNoted(String format, String template, int line) throws Exception {
        byte[] b = template.replace("%s", "acc_s").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) if (b[i] == '_') b[i] = (byte) 0x81;
        ImportResult r = load(format, b);
        ruleIsRead(r);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 0 && d.category() == Diagnostic.Category.IGNORED
                && d.message().matches("line " + line + ", column \\d+: a byte undefined in windows-1252, read as U\\+FFFD")), r.diagnostics().toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("exports")
    void anEscapeSequenceInACommentKeepsTheRuleAndIsNoted(String format, String template, int line) throws Exception {
        ImportResult r = load(format, template.replace("%s", "\u001b[2J\u001b[31mok\u001b[0m").getBytes(StandardCharsets.UTF_8));
        ruleIsRead(r);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 0 && d.message().matches("line " + line + ", column \\d+: control character \\\\u001b")),
                r.diagnostics().toString());
    }

    @Test
    void junkWhereTheRuleIsWrittenStillMakesTheLineUnrecognized() throws Exception {
        ImportResult r = load("iptables", ("*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 10.0.0.1/32 -p tcp --dport 2\u00072 -j ACCEPT\nCOMMIT\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.lines().unrecognized());
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().matches("line \\d+, column \\d+: control character.*")),
                "the line's own diagnostic says it all: " + r.diagnostics());
        ImportResult asa = load("cisco-asa", ("ASA Version 9.8(4)\naccess-list OUT extended permit tcp any host 10.0.0.1 eq\u0007 22\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, asa.lines().unrecognized(), asa.diagnostics().toString());
    }

    @Test
    void aWindowsExportInTheAnsiCodePageReadsAsInUtf8() throws Exception {
        // Windows PowerShell 5's Export-Csv without -Encoding writes the ANSI code page
        String csv = Files.readString(Path.of("src/test/resources/importer/windows/fe01-get-netfirewallrule.csv"))
                .replace("Lync Server SIP TLS (TCP-In)", "Lync Server SIP TLS (TCP-Entrée) – accès");
        ImportResult utf8 = load("windows-firewall", csv.getBytes(StandardCharsets.UTF_8));
        ImportResult ansi = load("windows-firewall", csv.getBytes(CP1252));
        assertEquals(utf8.ruleCount(), ansi.ruleCount());
        assertEquals(utf8.lines(), ansi.lines());
        assertTrue(ansi.policies().toString().contains("TCP-Entrée) – accès"), ansi.policies().toString());
    }

    @Test
    void withoutCommentKeepsWhatDecides() {
        assertEquals("-A FORWARD -m comment --comment -j ACCEPT", ConfigText.withoutComment("-A FORWARD -m comment --comment \"a\u0007 b\" -j ACCEPT"));
        assertEquals("tcp dport 22 accept comment", ConfigText.withoutComment("tcp dport 22 accept comment \"x\u0007\""));
        assertEquals("tcp dport 22 accept ", ConfigText.withoutComment("tcp dport 22 accept # \u0007"));
        assertEquals("access-list OUT ", ConfigText.withoutComment("access-list OUT remark \u0007"));
        assertEquals("", ConfigText.withoutComment("! \u0007"));
        assertEquals("ip saddr \"#x\" accept", ConfigText.withoutComment("ip saddr \"#x\" accept"));
    }
}
