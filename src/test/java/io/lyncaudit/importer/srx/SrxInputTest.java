package io.lyncaudit.importer.srx;

import static io.lyncaudit.importer.srx.Srx.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lyncaudit.importer.neutral.NeutralWriter;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two forms of one configuration read the same; hostile and broken input is refused with the
 * file and line, or read within its limits, never with a hang.
 */
class SrxInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/importer/srx");

    @TempDir
    Path tmp;

    /** The neutral JSON of an import without what depends on the form: file names, line numbers, the line counts and diagnostics. */
    static JsonNode policyOnly(ImportResult r) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(NeutralWriter.toJson(r));
        n.remove("file");
        n.remove("lines");
        n.remove("diagnostics");
        strip(n);
        return n;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("line");
            o.remove("file");
            o.elements().forEachRemaining(SrxInputTest::strip);
        } else if (n instanceof ArrayNode a) {
            a.elements().forEachRemaining(SrxInputTest::strip);
        }
    }

    @Test
    void theSetAndTheHierarchicalFormOfOneConfigurationReadTheSame() throws Exception {
        ImportResult set = new SrxImporter().importFile(FIXTURES.resolve("edge-srx.set"), "edge-srx");
        ImportResult hier = new SrxImporter().importFile(FIXTURES.resolve("edge-srx.conf"), "edge-srx");
        assertEquals(policyOnly(set), policyOnly(hier));
        // same verdicts line by line: what is used in one form is used in the other
        assertEquals(set.lines().unsupported(), hier.lines().unsupported());
        assertEquals(0, set.lines().unrecognized());
        assertEquals(0, hier.lines().unrecognized());
        // the hierarchical export says every statement with the text of its set form
        assertTrue(hier.diagnostics().stream().anyMatch(d -> d.text().equals("set security address-book global address bad-actors "
                + "dns-name blocklist.example.net")), hier.diagnostics().toString());
    }

    @Test
    void commentsAnnotationsAndMarksInOddPlacesChangeNothing() throws Exception {
        String plain = """
                security {
                    policies {
                        from-zone untrust to-zone dmz {
                            policy p {
                                match {
                                    source-address any;
                                    destination-address any;
                                    application [ junos-https junos-http ];
                                }
                                then {
                                    permit;
                                }
                            }
                        }
                    }
                }
                """;
        String odd = """
                /* a multi-line annotation
                   that ends here */ security { # trailing comment
                    policies { from-zone untrust to-zone dmz {
                            replace: policy p { match { source-address any; /* inline */ destination-address any;
                                    application [ junos-https
                                                  junos-http ]; }
                                then { permit; } ## done
                            }
                        }
                    }
                }
                """;
        assertEquals(policyOnly(load(tmp, "plain.conf", plain)), policyOnly(load(tmp, "odd.conf", odd)));
        ImportResult r = load(tmp, "odd2.conf", odd);
        assertEquals(0, r.lines().unrecognized(), r.diagnostics().toString());
    }

    @Test
    void blocksNestedBeyondAnyJunosHierarchyAreRefusedWithTheLine() {
        String deep = "security {\n".repeat(300) + "}\n".repeat(300);
        BadInputException e = assertThrows(BadInputException.class, () -> load(tmp, "deep.conf", deep));
        assertTrue(e.getMessage().startsWith("deep.conf:257: "), e.getMessage());
    }

    @Test
    void hostileInputIsReadWithinItsLimitsInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            // 200,000 policies in one context, in set form
            StringBuilder b = new StringBuilder("set security zones security-zone a interfaces ge-0/0/0.0\n");
            for (int i = 0; i < 50_000; i++) {
                String p = "set security policies from-zone a to-zone b policy p" + i + " ";
                b.append(p).append("match source-address any\n").append(p).append("match destination-address any\n")
                        .append(p).append("match application junos-https\n").append(p).append("then permit\n");
            }
            ImportResult r = load(tmp, "many.set", b.toString());
            assertEquals(50_000, r.ruleCount() - 0);
            // a value list of 10,000 names on one line, a set nested 60 deep, and an address-set that contains itself
            StringBuilder l = new StringBuilder("security { policies { from-zone a to-zone b { policy p { match { source-address [");
            for (int i = 0; i < 10_000; i++) l.append(" n").append(i);
            l.append(" ]; destination-address any; application any; } then { permit; } } } } address-book { global {");
            for (int i = 0; i < 60; i++) l.append(" address-set s").append(i).append(" { address-set s").append(i + 1).append("; }");
            l.append(" address-set s60 { address-set s0; } } } }\n");
            ImportResult list = load(tmp, "list.conf", l.toString());
            assertEquals(1, list.ruleCount());
            assertTrue(list.policies().stream().flatMap(p -> p.rules().stream()).allMatch(x -> x.uncertain()));
        });
    }

    @Test
    void aLineOverTheLimitAndBinaryAreBadInputNamingTheFile() throws Exception {
        Path longLine = Files.writeString(tmp.resolve("long.set"), "set security policies " + "x".repeat(70_000) + "\n");
        BadInputException e = assertThrows(BadInputException.class, () -> new SrxImporter().importFile(longLine, "long.set"));
        assertTrue(e.getMessage().startsWith("long.set:1"), e.getMessage());
        Path bin = Files.write(tmp.resolve("bin.set"), new byte[] {'s', 'e', 't', ' ', 0, 1, 2, 3, 0, 0});
        assertThrows(BadInputException.class, () -> new SrxImporter().importFile(bin, "bin.set"));
        Path other = Files.writeString(tmp.resolve("other.txt"), "hello { world; }\n", StandardCharsets.UTF_8);
        BadInputException not = assertThrows(BadInputException.class, () -> new SrxImporter().importFile(other, "other.txt"));
        assertTrue(not.getMessage().contains("not a Junos configuration"), not.getMessage());
    }

    @Test
    void brokenStatementsAreUnrecognizedAndTheRestIsRead() throws Exception {
        ImportResult r = load(tmp, "broken.conf", """
                security {
                    policies {
                        from-zone untrust to-zone dmz {
                            policy p {
                                match { source-address any; destination-address any; application junos-https; }
                                then { permit; }
                            }
                        }
                        bogus-statement here;
                    }
                }
                }
                security { zones { security-zone dmz {
                    interfaces { ge-0/0/1.0; }
                """);
        assertEquals(1, r.ruleCount());
        assertEquals(Diagnostic.Category.UNRECOGNIZED, Srx.at(r, 9).category());
        assertTrue(Srx.at(r, 12).message().contains("closing brace without an open block"));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("truncated")), r.diagnostics().toString());
    }
}
