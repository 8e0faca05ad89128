package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packet's two addresses are of one family. "Any" to an IPv4 Edge means every IPv4 source, so an
 * iptables-save (IPv4 only) that opens every required flow satisfies them all: it is not blamed
 * for IPv6 sources that cannot reach an IPv4 address.
 */
class AddressFamilyTest {
    @TempDir
    Path tmp;

    @Test
    void anIpv4OnlyPolicyThatOpensEveryFlowHasNoFinding() throws Exception {
        Path src = Path.of("samples/contoso-scaled-dns-nat");
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, tmp.resolve(f.getFileName()));
        }
        Files.writeString(tmp.resolve("edge-external.rules"), String.join("\n",
                "*filter",
                ":INPUT DROP [0:0]",
                ":FORWARD DROP [0:0]",
                ":OUTPUT ACCEPT [0:0]",
                "-A FORWARD -i outside -o dmz -p tcp -m iprange --dst-range 172.25.33.11-172.25.33.12 -m multiport --dports 443,5061 -j ACCEPT",
                "-A FORWARD -i outside -o dmz -p tcp -m iprange --dst-range 172.25.33.21-172.25.33.22 --dport 443 -j ACCEPT",
                "-A FORWARD -i outside -o dmz -p udp -m iprange --dst-range 172.25.33.31-172.25.33.32 --dport 3478 -j ACCEPT",
                "-A FORWARD -i outside -o dmz -p tcp -m iprange --dst-range 172.25.33.31-172.25.33.32 --dport 443 -j ACCEPT",
                "-A FORWARD -i dmz -o outside -p tcp -m iprange --src-range 172.25.33.11-172.25.33.12 -m multiport --dports 80,53,5061 -j ACCEPT",
                "-A FORWARD -i dmz -o outside -p udp -m iprange --src-range 172.25.33.11-172.25.33.12 --dport 53 -j ACCEPT",
                "-A FORWARD -i dmz -o outside -p tcp -m iprange --src-range 172.25.33.31-172.25.33.32 -m multiport --dports 443,50000:59999 -j ACCEPT",
                "-A FORWARD -i dmz -o outside -p udp -m iprange --src-range 172.25.33.31-172.25.33.32 --sport 3478 --dport 3478 -j ACCEPT",
                "COMMIT", ""));
        Path d = tmp.resolve("deployment.yaml");
        Files.writeString(d, Files.readString(d).replace("edge-external.asa", "edge-external.rules").replace("      management: []", "#"));
        Cli.Result r = Cli.run("audit", d, "--format", "json", "--fail-on", "none");
        assertEquals(0, r.code(), r::toString);
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> external = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("firewall").asText().equals("edge-external")) external.add(f.get("message").asText());
        }
        assertEquals(List.of(), external);
    }
}
