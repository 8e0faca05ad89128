package io.lyncaudit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One clean sample per Edge scenario: each audits clean, and breaking one requirement of each
 * family (one line of one firewall or IPsec file, in a copy) yields exactly the expected findings
 * (a finding that several requirements share is written with all their ids, joined by '+'):
 * Edge external and internal in every scenario; Director, reverse proxy, internal servers (a core
 * firewall) and a host firewall on northwind; IPsec on contoso-clean-public.
 */
class ScenarioBreakIT {

    static Stream<Arguments> breaks() {
        return Stream.of(
                // sample, file, text to find, replacement ("" drops the line), expected findings
                Arguments.of("northwind-single-edge-nat", "edge-external.csv", "L13-EDGE-EXT-014 ", "", "MISSING L13-EDGE-EXT-014"),
                Arguments.of("northwind-single-edge-nat", "edge-internal.csv", "L13-EDGE-INT-008 ", "", "MISSING L13-EDGE-INT-008"),
                // the other families, on the sample that has every kind of firewall
                Arguments.of("northwind-single-edge-nat", "edge-internal.csv", "L13-DIR-002 ", "", "MISSING L13-DIR-002"),
                Arguments.of("northwind-single-edge-nat", "edge-external.csv", "L13-RP-EXT-002 ", "", "MISSING L13-RP-EXT-002"),
                // the clients' 5061 to the Front End Servers (table 1): the VIP's 5061 (table 2) is another row
                Arguments.of("northwind-single-edge-nat", "core.csv", "L13-INT-SRV-003 ", "", "MISSING L13-INT-SRV-003"),
                // a server port opened to the load balancer's VIP instead of the servers: no load balancer
                // table carries PSOM 8057, so the opening is aimed at the wrong address
                Arguments.of("northwind-single-edge-nat", "core.csv", "10.1.0.0/16,10.0.1.11-10.0.1.12,TCP,8057,", "10.1.0.0/16,10.0.1.10,TCP,8057,",
                        "MISDIRECTED L13-INT-SRV-007"),
                // every 4443 row of the internal Edge firewall denies: the reverse proxy's 4443 to the
                // Front End pool's VIP is one opening that two requirements name, so one finding cites them
                Arguments.of("northwind-single-edge-nat", "edge-internal.csv", "TCP,4443,permit", "TCP,4443,deny",
                        "MISSING L13-DIR-002, MISSING L13-EDGE-INT-008, MISSING L13-INT-HLB-007+L13-RP-INT-002"),
                Arguments.of("northwind-single-edge-nat", "fe01-host.csv", "L13-INT-SRV-009 ", "", "MISSING L13-INT-SRV-009"),
                // an IPsec rule is symmetric, so both A/V Edge external rows go: two exceptions are missing
                Arguments.of("contoso-clean-public", "ipsec-rules.csv", "A/V Edge Server External ", "",
                        "IPSEC_MISSING L13-IPSEC-002, IPSEC_MISSING L13-IPSEC-004"),
                Arguments.of("contoso-clean-public", "edge-external.csv", "131.107.155.30;udp/3478, tcp/443;", "131.107.155.30;tcp/443;",
                        "MISSING L13-EDGE-EXT-014"),
                Arguments.of("contoso-clean-public", "edge-internal.csv", "tcp/5062, tcp/4443, ", "tcp/5062, ", "MISSING L13-EDGE-INT-008"),
                Arguments.of("adatum-scaled-dns-nat", "edge-external.csv", "TCP,50000-59999,", "TCP,50000-54999,", "PARTIAL L13-EDGE-EXT-009"),
                Arguments.of("adatum-scaled-dns-nat", "edge-internal.csv", "L13-EDGE-INT-001 ", "", "MISSING L13-EDGE-INT-001"),
                Arguments.of("tailspin-scaled-dns-public", "edge-external.csv", "L13-EDGE-EXT-008 ", "", "MISSING L13-EDGE-EXT-008"),
                Arguments.of("tailspin-scaled-dns-public", "edge-internal.csv", "L13-EDGE-INT-009 ", "", "MISSING L13-EDGE-INT-009"),
                Arguments.of("fabrikam-scaled-hlb", "edge-external.csv", "tcp/443, tcp/5061, tcp/5269", "tcp/443, tcp/5269",
                        "MISSING L13-EDGE-HLB-VIP-EXT-004"),
                Arguments.of("fabrikam-scaled-hlb", "edge-internal.csv", "tcp/23456, tcp/8057, tcp/4443", "tcp/23456, tcp/8057",
                        "MISSING L13-EDGE-INT-008"));
    }

    @ParameterizedTest(name = "{0}: {1} broken gives {4}")
    @MethodSource("breaks")
    void breakingOneRequirementYieldsExactlyItsFinding(String sample, String file, String find, String replace, String expected,
                                                       @TempDir Path dir) throws Exception {
        Path copy = copy(Path.of("samples", sample), dir.resolve(sample));
        assertEquals(Set.of(), findings(copy), sample + " audits clean before the change");

        Path f = copy.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(find), file + " contains '" + find + "'");
        String changed = replace.isEmpty()
                ? text.lines().filter(l -> !l.contains(find)).collect(Collectors.joining("\n", "", "\n"))
                : text.replace(find, replace);
        Files.writeString(f, changed);
        assertEquals(new TreeSet<>(List.of(expected.split(", "))), findings(copy), sample + " with " + file + " broken");
    }

    private static Set<String> findings(Path sample) throws IOException, InterruptedException {
        SampleAuditIT.Run r = SampleAuditIT.run("audit", sample.resolve("deployment.yaml").toString(), "--format", "json",
                "--fail-on", "none");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        Set<String> out = new TreeSet<>();
        for (JsonNode x : report.get("findings")) {
            // "TYPE ID", or "TYPE ID+ID+..." for a finding that several requirements share
            StringBuilder ids = new StringBuilder(x.get("requirement").isNull() ? "-" : x.get("requirement").get("id").asText());
            JsonNode cited = x.path("requirements");
            for (int i = 1; i < cited.size(); i++) ids.append('+').append(cited.get(i).get("id").asText());
            out.add(x.get("type").asText() + " " + ids);
        }
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
        return to;
    }

}
