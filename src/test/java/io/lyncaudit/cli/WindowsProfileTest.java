package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Windows Firewall is audited under the profile the deployment names (default domain). */
class WindowsProfileTest {
    @TempDir
    Path tmp;

    private Path sample(String profileLine) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "sample");
        try (Stream<Path> files = Files.list(Path.of("samples/contoso-scaled-dns-nat"))) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path d = dir.resolve("deployment.yaml");
        Files.writeString(d, Files.readString(d).replace("    host: 10.0.1.11\n", "    host: 10.0.1.11\n" + profileLine));
        return d;
    }

    private static List<String> fe01(JsonNode report, String type) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("firewall").asText().equals("fe01-host") && f.get("type").asText().equals(type)) {
                out.add(f.get("requirement").isNull() ? "-" : f.get("requirement").get("id").asText());
            }
        }
        return out;
    }

    @Test
    void underThePublicProfileTheDomainRulesAreInactive() throws Exception {
        Cli.Result domain = Cli.run("audit", sample("    profile: domain\n"), "--format", "json", "--fail-on", "none");
        assertEquals(0, domain.code(), domain::toString);
        assertEquals(List.of("L13-EDGE-INT-003"), fe01(new ObjectMapper().readTree(domain.out()), "MISSING"), "the sample's planted one only");

        Cli.Result pub = Cli.run("audit", sample("    profile: public\n"), "--format", "json", "--fail-on", "none");
        assertEquals(0, pub.code(), pub::toString);
        JsonNode report = new ObjectMapper().readTree(pub.out());
        // inbound is closed now; each requirement's outbound half stays open (outbound defaults to allow)
        List<String> closed = new ArrayList<>(fe01(report, "MISSING"));
        closed.addAll(fe01(report, "PARTIAL"));
        assertTrue(closed.contains("L13-INT-SRV-003") && closed.size() > 20, closed.toString());
        assertTrue(report.get("diagnostics").toString().contains("not the active profile Public"), "the Domain rules say why they are left out");
    }

    @Test
    void anUnknownProfileIsBadInputNamingTheLine() throws Exception {
        Path d = sample("    profile: work\n");
        String err = Cli.badInput(Cli.run("audit", d));
        assertTrue(err.contains("deployment.yaml:") && err.contains("profile is one of domain, private, public"), err);
    }
}
