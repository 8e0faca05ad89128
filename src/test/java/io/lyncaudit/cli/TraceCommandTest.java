package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lyncaudit trace` end to end: the stages of an iptables-save export's whole path (raw, mangle,
 * nat with DNAT and REDIRECT, filter with a user chain, NOTRACK), as text and as JSON lines
 * (goldens), the input path, interfaces from a deployment, and bad input.
 */
class TraceCommandTest {
    private static final Path DIR = Path.of("src/test/resources/trace");
    private static final Path RULES = DIR.resolve("edge-path.rules");
    private static final Path PROBES = DIR.resolve("probes.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void golden(String name, String actual) throws Exception {
        Path file = DIR.resolve("expected").resolve(name);
        if (Boolean.getBoolean("lyncaudit.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "output differs from " + file + "; if intended, rerun with -Dlyncaudit.updateGolden=true and review the diff");
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : out.split("\n")) if (!s.isBlank()) l.add(JSON.readTree(s));
        return l;
    }

    @Test
    void tracesEveryPacketOfAFileAsTextAndAsJsonLines() throws Exception {
        Cli.Result text = Cli.run("trace", RULES, "--packets", PROBES, "--in", "eth0", "--out", "eth1");
        assertEquals(0, text.code(), text.toString());
        golden("edge-path.txt", text.out());
        Cli.Result json = Cli.run("trace", RULES, "--packets", PROBES, "--in", "eth0", "--out", "eth1", "--format", "json");
        assertEquals(0, json.code(), json.toString());
        golden("edge-path.jsonl", json.out());
        List<JsonNode> l = lines(json.out());
        assertEquals(8, l.size(), "one line per packet, in order");
        assertEquals(List.of("permit", "permit", "deny", "permit", "deny", "deny", "deny", "permit"),
                l.stream().map(n -> n.get("verdict").asText()).toList());
        // the DNAT with a port change, and the stages after it see the translated packet
        JsonNode dnat = l.get(1);
        assertEquals("tcp 203.0.113.5:40001 -> 172.16.10.12:4443", dnat.get("translated").asText());
        JsonNode nat = dnat.get("stages").get(2);
        assertEquals("nat PREROUTING", nat.get("stage").asText());
        assertEquals("translate", nat.get("action").asText());
        assertEquals(31, nat.get("line").get("line").asInt());
        // a drop in raw PREROUTING is the last stage the packet meets
        JsonNode raw = l.get(4).get("stages");
        assertEquals(1, raw.size());
        assertEquals("drop", raw.get(0).get("action").asText());
        assertEquals("-A PREROUTING -s 198.18.0.0/15 -i eth0 -j DROP", raw.get(0).get("line").get("text").asText());
        // a drop in mangle FORWARD, after the translation
        JsonNode mangle = l.get(5).get("stages");
        assertEquals("mangle FORWARD", mangle.get(mangle.size() - 1).get("stage").asText());
        assertEquals("redirect", l.get(6).get("stages").get(2).get("action").asText());
    }

    @Test
    void tracesAPanosExportThroughItsSecurityThenItsNatPolicy() throws Exception {
        Path panos = Path.of("src/test/resources/importer/panos/running-config.set");
        Cli.Result r = Cli.run("trace", panos, "--packet", "tcp 203.0.113.9:40000 -> 131.107.155.10:5061", "--in", "untrust", "--out", "dmz",
                "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode t = lines(r.out()).get(0);
        assertEquals("permit", t.get("verdict").asText());
        assertEquals("tcp 203.0.113.9:40000 -> 172.25.33.10:5061", t.get("translated").asText());
        assertEquals("security", t.get("stages").get(0).get("stage").asText());
        assertEquals("access-edge-in", t.get("stages").get(0).get("rule").asText());
        assertEquals("nat", t.get("stages").get(1).get("stage").asText());
        assertEquals("dnat-access-edge", t.get("stages").get(1).get("rule").asText());
        // the post-NAT address is not what the security policy matches
        Cli.Result priv = Cli.run("trace", panos, "--packet", "tcp 203.0.113.9:40000 -> 172.25.33.10:5061", "--in", "untrust", "--out", "dmz");
        assertTrue(priv.out().contains("verdict: deny"), priv.toString());
        Cli.Result parse = Cli.run("parse", panos, "--format", "json");
        assertEquals(0, parse.code(), parse.toString());
        assertEquals("panos", JSON.readTree(parse.out()).get("format").asText());
    }

    @Test
    void tracesAnNftablesRulesetThroughEveryBaseChainByPriority() throws Exception {
        Path nft = Path.of("src/test/resources/importer/nftables/ruleset-list.nft");
        Path probes = DIR.resolve("nft-probes.txt");
        Cli.Result text = Cli.run("trace", nft, "--packets", probes, "--in", "eth0", "--out", "eth1");
        assertEquals(0, text.code(), text.toString());
        golden("nft-ruleset-list.txt", text.out());
        Cli.Result json = Cli.run("trace", nft, "--packets", probes, "--in", "eth0", "--out", "eth1", "--format", "json");
        golden("nft-ruleset-list.jsonl", json.out());
        List<JsonNode> l = lines(json.out());
        List<String> stages = new ArrayList<>();
        l.get(0).get("stages").forEach(s -> stages.add(s.get("stage").asText()));
        // netdev ingress, prerouting by priority (raw, mangle, dstnat), forward by priority, postrouting
        assertEquals(List.of("netdev edge wan_ingress (eth0)", "inet filter raw_pre", "inet filter mangle_pre", "ip nat prerouting",
                "bridge lab forward", "inet filter forward", "ip6 filter forward", "inet filter forward_late", "ip nat postrouting"), stages);
        assertEquals("tcp 192.0.2.10:40000 -> 172.16.10.11:5061", l.get(0).get("translated").asText());
        // the uRPF check (fib) is not modelled: a verdict it could change is uncertain, and says why
        assertEquals("uncertain", l.get(0).get("verdict").asText());
        assertEquals("permit", l.get(0).get("reading").asText());
        assertTrue(l.get(0).get("uncertainty").asText().contains("'fib' is not modelled"), l.get(0).toString());
        // a drop at the netdev ingress of eth0, before anything else: certain
        assertEquals("deny", l.get(3).get("verdict").asText());
        assertEquals(1, l.get(3).get("stages").size());
        assertEquals("deny", l.get(4).get("verdict").asText());
        assertEquals("inet filter mangle_pre", l.get(4).get("stages").get(2).get("stage").asText());
    }

    @Test
    void theInputPathIsTrafficToTheFirewallItself() throws Exception {
        Cli.Result ssh = Cli.run("trace", RULES, "--packet", "tcp 10.20.1.1:40007 -> 172.16.10.1:22", "--in", "eth1", "--out", "host",
                "--format", "json");
        JsonNode n = lines(ssh.out()).get(0);
        assertEquals("input", n.get("path").asText());
        assertEquals("permit", n.get("verdict").asText());
        List<String> stages = new ArrayList<>();
        n.get("stages").forEach(s -> stages.add(s.get("stage").asText()));
        assertEquals(List.of("raw PREROUTING", "mangle PREROUTING", "nat PREROUTING", "mangle INPUT", "INPUT", "nat INPUT"), stages);
        Cli.Result wrongSide = Cli.run("trace", RULES, "--packet", "tcp 10.20.1.1:40007 -> 172.16.10.1:22", "--in", "eth0", "--out", "host",
                "--format", "json");
        assertEquals("deny", lines(wrongSide.out()).get(0).get("verdict").asText(), "SSH only from eth1; INPUT's policy drops");
    }

    @Test
    void withoutInterfacesTheVerdictSaysWhenItDependsOnThem() throws Exception {
        Cli.Result r = Cli.run("trace", RULES, "--packet", "tcp 203.0.113.5:40000 -> 131.107.155.10:5061", "--format", "json");
        JsonNode n = lines(r.out()).get(0);
        assertEquals("uncertain", n.get("verdict").asText());
        assertTrue(n.get("uncertainty").asText().contains("permit from eth0 to eth1"), n.toString());
        Cli.Result same = Cli.run("trace", RULES, "--packet", "tcp 198.18.3.4:40004 -> 10.9.9.9:443", "--in", "eth0", "--format", "json");
        JsonNode s = lines(same.out()).get(0);
        assertEquals("deny", s.get("verdict").asText(), "raw PREROUTING drops it whatever the egress");
        assertTrue(s.get("notes").get(0).asText().contains("no --out given"), s.toString());
    }

    @Test
    void interfaceWildcardsAndExclusionsAreToldApart() throws Exception {
        // negation.rules: "! -i eth1 -d 172.16.10.12 -j DROP" and "-i eth+ -d 172.16.10.13 -j DROP", FORWARD policy ACCEPT
        Path rules = Path.of("src/test/resources/importer/iptables/negation.rules");
        JsonNode wild = lines(Cli.run("trace", rules, "--packet", "udp 192.0.2.1:40000 -> 172.16.10.13:53", "--format", "json").out()).get(0);
        assertEquals("uncertain", wild.get("verdict").asText());
        assertTrue(wild.get("uncertainty").asText().contains("from eth* to eth1") && wild.get("uncertainty").asText().contains("permit from another interface"), wild.toString());
        assertEquals("deny", lines(Cli.run("trace", rules, "--packet", "udp 192.0.2.1:40000 -> 172.16.10.13:53", "--in", "eth7",
                "--out", "x", "--format", "json").out()).get(0).get("verdict").asText());
        assertEquals("permit", lines(Cli.run("trace", rules, "--packet", "udp 192.0.2.1:40000 -> 172.16.10.13:53", "--in", "wan",
                "--out", "x", "--format", "json").out()).get(0).get("verdict").asText());
        assertEquals("permit", lines(Cli.run("trace", rules, "--packet", "udp 192.0.2.1:40000 -> 172.16.10.12:53", "--in", "eth1",
                "--out", "x", "--format", "json").out()).get(0).get("verdict").asText());
        assertEquals("deny", lines(Cli.run("trace", rules, "--packet", "udp 192.0.2.1:40000 -> 172.16.10.12:53", "--in", "eth0",
                "--out", "x", "--format", "json").out()).get(0).get("verdict").asText());
    }

    @Test
    void aDeploymentTellsTheInterfaces() throws Exception {
        Cli.Result r = Cli.run("trace", "samples/contoso-scaled-dns-nat/deployment.yaml", "--firewall", "edge-internal",
                "--packet", "tcp 10.0.1.11:40000 -> 172.25.33.10:5061", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode n = lines(r.out()).get(0);
        assertEquals("eth1", n.get("in").asText());
        assertEquals("eth0", n.get("out").asText());
        Cli.Result none = Cli.run("trace", "samples/contoso-scaled-dns-nat/deployment.yaml", "--packet", "tcp 10.0.1.11:40000 -> 172.25.33.10:5061");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("has 3 firewalls; name one with --firewall (edge-external, edge-internal, fe01-host)"), none.err());
    }

    @Test
    void badInputIsExit2WithTheLine(@TempDir Path tmp) throws Exception {
        Cli.Result bad = Cli.run("trace", RULES, "--packet", "tcp 203.0.113.5 -> 10.45.16.10:5061");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--packet: TCP needs a source and a destination port"), bad.err());
        Path probes = tmp.resolve("probes.txt");
        Files.writeString(probes, "# probes\ntcp 203.0.113.5:1 -> 10.0.0.1:443\n\nudp 203.0.113.5:1 -> 10.0.0.1\n");
        Cli.Result line = Cli.run("trace", RULES, "--packets", probes);
        assertEquals(2, line.code());
        assertTrue(line.err().contains("probes.txt:4: UDP needs a source and a destination port"), line.err());
        assertEquals("", line.out(), "nothing is printed when a line is bad");
        assertEquals(2, Cli.run("trace", RULES).code(), "a packet is required");
        assertEquals(2, Cli.run("trace", RULES, "--packet", "tcp 1.1.1.1:1 -> 2.2.2.2:2", "--packets", probes).code());
        assertEquals(2, Cli.run("trace", tmp.resolve("missing.rules"), "--packet", "tcp 1.1.1.1:1 -> 2.2.2.2:2").code());
        assertEquals(2, Cli.run("trace", RULES, "--packet", "tcp 1.1.1.1:1 -> 2.2.2.2:2", "--format", "xml").code());
        Cli.Result noFirewall = Cli.run("trace", "samples/contoso-scaled-dns-nat/deployment.yaml", "--firewall", "nope",
                "--packet", "tcp 1.1.1.1:1 -> 2.2.2.2:2");
        assertEquals(2, noFirewall.code());
        assertTrue(noFirewall.err().contains("no firewall 'nope'"), noFirewall.err());
        for (Cli.Result r : List.of(bad, line, noFirewall)) assertTrue(r.stray().isEmpty() && !r.err().contains("Exception"), r.toString());
    }
}
