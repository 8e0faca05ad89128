package io.lyncaudit.cli;

import static io.lyncaudit.cli.Cli.badInput;
import static io.lyncaudit.cli.Cli.edit;
import static io.lyncaudit.cli.Cli.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.importer.Importers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exports and deployment files in the encodings auditors receive them in (UTF-8 with or without
 * BOM, UTF-16 LE/BE with BOM, Windows-1252), detected or declared with {@code encoding:} and
 * {@code --encoding}, and the error that names line and column when a text cannot be decoded.
 *
 * <p>Each test copies {@code src/test/resources/cli/encodings} (an iptables box outside, a CSV sheet
 * inside) and rewrites one file. Every run is bounded in time: a hang fails the test.
 */
class CliEncodingTest {
    static final Path FIXTURE = Path.of("src/test/resources/cli/encodings");
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final byte[] BOM_UTF8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, BOM_LE = {(byte) 0xFF, (byte) 0xFE}, BOM_BE = {(byte) 0xFE, (byte) 0xFF};
    /** The rule of the attack: SSH from anywhere to the Access Edge, with a comment in Latin-1. */
    static final String SSH = "-A FORWARD -d 172.25.33.10/32 -p tcp -m tcp --dport 22 -m comment --comment \"accès d'administration\" -j ACCEPT\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path dir;
    private Path deployment;
    private Path external;

    @BeforeEach
    void copyFixture() {
        dir = Cli.copy(FIXTURE, tmp);
        deployment = dir.resolve("deployment.yaml");
        external = dir.resolve("external.rules");
    }

    static Cli.Result run(Object... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args));
    }

    static byte[] encode(byte[] bom, String text, Charset cs) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(bom);
        o.writeBytes(text.getBytes(cs));
        return o.toByteArray();
    }

    private static String withSsh(String rules) {
        return rules.replace("COMMIT\n", SSH + "COMMIT\n");
    }

    /** The audit as JSON, with the exit code it should give. */
    private JsonNode auditJson(int code, Object... more) throws IOException {
        List<Object> args = new ArrayList<>(List.of("audit", deployment, "--format", "json"));
        args.addAll(List.of(more));
        Cli.Result r = run(args.toArray());
        assertEquals(code, r.code(), r::toString);
        return JSON.readTree(r.out());
    }

    /** Finding ids, types and flows: what must not depend on the encoding of an input. */
    private static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) out.add(f.get("id").asText() + " " + f.get("type").asText());
        return out;
    }

    @Test
    void aLatin1CommentKeepsTheSshRuleAndTheGateFails() throws IOException {
        // the baseline: the box before the change; only new findings count for the gate then
        Path reports = tmp.resolve("before");
        Cli.Result before = run("audit", deployment, "--format", "json", "--out", reports);
        assertEquals(ExitCode.FAIL.code(), before.code(), before::toString);
        Path baseline = reports.resolve("lyncaudit.json");

        String rules = Files.readString(external);
        Files.write(external, withSsh(rules).getBytes(CP1252));
        JsonNode after = auditJson(ExitCode.FAIL.code(), "--baseline", baseline);
        assertEquals("FAIL", after.at("/summary/gate").asText().substring(0, 4), after.at("/summary").toString());
        JsonNode ssh = null;
        for (JsonNode f : after.get("findings")) if (f.get("type").asText().equals("EXTRA") && f.at("/flow/ports").asText().equals("22")) ssh = f;
        assertTrue(ssh != null, () -> "no EXTRA finding for SSH: " + after.get("findings"));
        assertEquals("new", ssh.get("baseline").asText());
        JsonNode evidence = ssh.get("evidence").get(0);
        assertEquals(9, evidence.get("line").asInt());
        assertTrue(evidence.get("text").asText().contains("\"accès d'administration\""), evidence.toString());
        // the auditor is told how the file was read, and where it stopped being UTF-8
        assertTrue(after.get("diagnostics").toString().contains("column 81: not valid utf-8 (byte 0xE8); the file is read as windows-1252"),
                after.get("diagnostics").toString());
    }

    @Test
    void anUndefinedByteInACommentIsReadAsUfffdAndTheRuleStays() throws IOException {
        byte[] b = withSsh(Files.readString(external)).getBytes(CP1252);
        String text = new String(b, CP1252);
        b[text.indexOf("è")] = (byte) 0x81; // undefined in Windows-1252
        Files.write(external, b);
        Cli.Result r = run("parse", external);
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        JsonNode p = JSON.readTree(r.out());
        assertEquals(0, p.at("/lines/unrecognized").asInt(), r.out());
        assertTrue(p.toString().contains("--comment \\\"acc\uFFFDs d'administration\\\""), r.out());
        assertTrue(p.get("diagnostics").toString().contains("column 81: a byte undefined in windows-1252, read as U+FFFD"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"utf-8 with BOM", "utf-16le", "utf-16be"})
    void iptablesInUtf16OrWithABomAuditsAsUtf8(String encoding) throws IOException {
        List<String> expected = findings(auditJson(ExitCode.FAIL.code()));
        String rules = withSsh(Files.readString(external));
        Files.writeString(external, rules);
        List<String> withSsh = findings(auditJson(ExitCode.FAIL.code()));
        assertEquals(expected.size() + 1, withSsh.size(), "the SSH rule is one more finding");
        Files.write(external, switch (encoding) {
            case "utf-16le" -> encode(BOM_LE, rules, StandardCharsets.UTF_16LE);
            case "utf-16be" -> encode(BOM_BE, rules, StandardCharsets.UTF_16BE);
            default -> encode(BOM_UTF8, rules, StandardCharsets.UTF_8);
        });
        assertEquals(withSsh, findings(auditJson(ExitCode.FAIL.code())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"utf-16le", "utf-16be"})
    void anAsaRunningConfigInUtf16ParsesAsInUtf8(String encoding) throws IOException {
        Path asa = Path.of("samples/contoso-scaled-dns-nat/edge-external.asa");
        String text = Files.readString(asa);
        Path utf8 = Files.writeString(dir.resolve("edge.asa"), text);
        Path utf16 = Files.createDirectories(tmp.resolve("utf16")).resolve("edge.asa");
        Files.write(utf16, encoding.equals("utf-16le") ? encode(BOM_LE, text, StandardCharsets.UTF_16LE) : encode(BOM_BE, text, StandardCharsets.UTF_16BE));
        Cli.Result a = run("parse", utf8), b = run("parse", utf16);
        assertEquals(ExitCode.PASS.code(), b.code(), b::toString);
        assertEquals(a.out().replace(shown(utf8), "F"), b.out().replace(shown(utf16), "F"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"utf-16le", "utf-16be", "windows-1252"})
    void aDeploymentInUtf16OrLatin1Loads(String encoding) throws IOException {
        List<String> expected = findings(auditJson(ExitCode.FAIL.code()));
        String yaml = Files.readString(deployment).replace("name: CLI encodings fixture", "name: Société Générale (filiale)");
        Files.write(deployment, switch (encoding) {
            case "utf-16le" -> encode(BOM_LE, yaml, StandardCharsets.UTF_16LE);
            case "utf-16be" -> encode(BOM_BE, yaml, StandardCharsets.UTF_16BE);
            default -> yaml.getBytes(CP1252);
        });
        JsonNode r = auditJson(ExitCode.FAIL.code());
        assertEquals("Société Générale (filiale)", r.at("/deployment/name").asText());
        assertEquals(expected, findings(r));
        // trace tells a deployment from an export by its content, decoded alike
        Cli.Result t = run("trace", deployment, "--packet", "tcp 203.0.113.5:40000 -> 172.25.33.10:443");
        assertEquals(ExitCode.BAD_INPUT.code(), t.code(), t::toString);
        assertTrue(t.err().contains("the deployment has 2 firewalls; name one with --firewall"), t::toString);
    }

    @Test
    void aWindows1252CsvAsExcelSavesItAuditsAsUtf8() throws IOException {
        Path csv = dir.resolve("internal.csv");
        String sheet = "Source,Destination,Protocol,Port,Action,Comment\n"
                + "10.0.1.11-10.0.1.12,10.0.10.5,TCP,5061,permit,Accès SIP – serveurs frontaux\n"
                + "10.0.10.5,10.0.1.11-10.0.1.12,TCP,5061,permit,Retour «SIP»\n"
                + "any,any,any,any,deny,Tout le reste\n";
        Files.writeString(csv, sheet);
        List<String> expected = findings(auditJson(ExitCode.FAIL.code()));
        Files.write(csv, sheet.getBytes(CP1252));
        assertEquals(expected, findings(auditJson(ExitCode.FAIL.code())));
        Cli.Result p = run("parse", csv);
        assertTrue(p.out().contains("Accès SIP – serveurs frontaux"), p::toString);
    }

    @Test
    void aDeclaredEncodingThatDoesNotFitNamesLineColumnAndTheEncodingsTried() throws IOException {
        Files.write(external, withSsh(Files.readString(external)).getBytes(CP1252));
        edit(deployment, "    config: external.rules\n", "    config: external.rules\n    encoding: utf-8\n");
        String m = badInput(run("audit", deployment));
        assertEquals(shown(external) + ":9:81: byte 0xE8 is not valid utf-8 text (encodings tried: utf-8 (declared)); declare the file's "
                + "real encoding (utf-8, utf-16, utf-16le, utf-16be, windows-1252 (also latin-1)) or leave it to detection", m);
        // declared as it is, it is read
        edit(deployment, "encoding: utf-8", "encoding: windows-1252");
        assertEquals(ExitCode.FAIL.code(), run("audit", deployment).code());
        // and --encoding does the same for parse and trace
        assertTrue(badInput(run("parse", external, "--encoding", "utf-8")).startsWith(shown(external) + ":9:81: byte 0xE8 is not valid utf-8"));
        assertEquals(ExitCode.PASS.code(), run("parse", external, "--encoding", "latin-1").code());
        Cli.Result t = run("trace", external, "--encoding", "cp1252", "--packet", "tcp 203.0.113.5:40000 -> 172.25.33.10:22", "--in", "eth0", "--out", "eth1");
        assertEquals(ExitCode.PASS.code(), t.code(), t::toString);
        assertTrue(t.out().contains("permit"), t::toString);
        assertTrue(badInput(run("trace", external, "--encoding", "utf-8", "--packet", "tcp 203.0.113.5:40000 -> 172.25.33.10:22"))
                .contains(":9:81: byte 0xE8 is not valid utf-8"));
    }

    @Test
    void anUnknownEncodingIsAMistakeOfTheDeploymentFile() {
        edit(deployment, "    config: external.rules\n", "    config: external.rules\n    encoding: ebcdic\n");
        assertEquals(shown(deployment) + ":26: firewalls[0].encoding: unknown encoding 'ebcdic'; expected one of: utf-8, utf-16, utf-16le, "
                + "utf-16be, windows-1252 (also latin-1), or leave it out to let the content decide", badInput(run("audit", deployment)));
        assertEquals("unknown encoding 'ebcdic' (supported: utf-8, utf-16, utf-16le, utf-16be, windows-1252 (also latin-1))",
                badInput(run("parse", external, "--encoding", "ebcdic")));
    }

    @Test
    void twoMebibytesOfLeadingCommentsDoNotHideTheFormat() throws IOException {
        String rules = Files.readString(external);
        String comments = ("# " + "-".repeat(76) + " an old change log line\n").repeat(22_000);
        assertTrue(comments.length() > 2 * 1024 * 1024);
        Files.writeString(external, comments + withSsh(rules));
        // named: format: iptables, --vendor iptables
        edit(deployment, "    config: external.rules\n", "    config: external.rules\n    format: iptables\n");
        JsonNode r = auditJson(ExitCode.FAIL.code());
        assertTrue(findings(r).stream().anyMatch(f -> f.endsWith("EXTRA")), findings(r).toString());
        Cli.Result p = run("parse", external, "--vendor", "iptables");
        assertEquals(ExitCode.PASS.code(), p.code(), p::toString);
        // and detected, past the comments
        Cli.Result d = run("parse", external);
        assertEquals(ExitCode.PASS.code(), d.code(), d::toString);
        assertEquals("iptables", JSON.readTree(d.out()).get("format").asText());
    }

    @Test
    void whenDetectionFailsPastTheCommentsTheMessageSaysWhatItLookedForAndHowToNameIt() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "# notes\n".repeat(10_000) + "renew the certificate\n");
        assertEquals(shown(notes) + ": cannot tell the format of this file: none of the formats matches the first 64 KiB after its leading "
                + "comments (looked for " + Importers.looksFor() + "); name it with 'format:' in the deployment file or --vendor (supported: "
                + Importers.names() + ")", badInput(run("parse", notes)));
        assertFalse(Importers.looksFor().isEmpty());
    }
}
