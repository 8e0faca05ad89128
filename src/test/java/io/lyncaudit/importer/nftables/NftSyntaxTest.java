package io.lyncaudit.importer.nftables;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.uncertainty;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nftables as people write it: {@code nft -f} files with variables and includes, the command
 * form, named sets and maps, verdict maps, anonymous chains, concatenations and the expressions a
 * ruleset uses, each read as nft reads it and checked packet by packet with the one evaluator.
 */
class NftSyntaxTest {

    @TempDir
    Path tmp;

    private ImportResult nft(String text) throws Exception {
        return Nft.load(tmp, "r.nft", text);
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private ImportResult importFile(String name) throws Exception {
        return new NftablesImporter().importFile(tmp.resolve(name), name);
    }

    private static Diagnostic diag(ImportResult r, String file, int line) {
        return r.diagnostics().stream().filter(d -> d.line() == line && (file == null || d.file().equals(file))).findFirst().orElse(null);
    }

    private static String fwd(String rules) {
        return "table inet f {\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n" + rules + " }\n}\n";
    }

    // ---------------------------------------------------------------- variables

    @Test
    void definesAreReadEverywhereNestedAndInSets() throws Exception {
        ImportResult r = nft("""
                #!/usr/sbin/nft -f
                define WEB = { 80, 443 }
                define EDGE = 172.16.10.11
                define EDGES = { $EDGE, 172.16.10.12 }
                define LAN = "eth1"
                define NET = 10.20.0.0
                define UNUSED = 1
                table inet f {
                	define SIP = 5061
                	chain fwd {
                		type filter hook forward priority 0; policy drop;
                		iifname $LAN ip daddr $EDGES tcp dport $WEB accept
                		ip saddr $NET/16 ip daddr { $EDGES, 172.16.10.13 } tcp dport $SIP accept
                		ip daddr $EDGE-172.16.10.19 udp dport 3478 accept
                	}
                }
                """);
        assertEquals(PERMIT, decide(r, "eth1", "eth0", "tcp", "10.1.1.1", "172.16.10.12", 443));
        assertEquals(DENY, decide(r, "eth2", "eth0", "tcp", "10.1.1.1", "172.16.10.12", 443));
        assertEquals(PERMIT, decide(r, "eth2", "eth0", "tcp", "10.20.3.4", "172.16.10.13", 5061));
        assertEquals(DENY, decide(r, "eth2", "eth0", "tcp", "10.21.3.4", "172.16.10.13", 5061));
        assertEquals(PERMIT, decide(r, "eth2", "eth0", "udp", "10.21.3.4", "172.16.10.19", 3478));
        // a definition used by a rule is used, one never used is diagnosed as such; nothing is unreadable
        assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), r.diagnostics().toString());
        assertEquals(null, diag(r, null, 2));
        assertTrue(diag(r, null, 7).message().contains("define UNUSED is never used"));
        assertEquals("iifname $LAN ip daddr $EDGES tcp dport $WEB accept", Nft.policy(r, "inet f fwd").rules().get(0).source().text());
    }

    @Test
    void aDefinitionIsSeenInItsBlockAndBelowRedefineAndUndefineChangeIt() throws Exception {
        ImportResult r = nft("""
                define P = 22
                table inet f {
                	define Q = 23
                	chain fwd {
                		type filter hook forward priority 0; policy drop;
                		tcp dport $P accept
                		redefine P = 24
                		tcp dport $P accept
                		tcp dport $Q accept
                	}
                }
                undefine P
                add rule inet f fwd tcp dport $Q accept
                add rule inet f fwd tcp dport $P accept
                """);
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 22));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 24));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 23));
        // Q was defined in the table block, P was undefined: both lines at the end cannot be read
        assertEquals("undefined variable $Q", diag(r, null, 13).message());
        assertEquals("undefined variable $P", diag(r, null, 14).message());
        assertEquals(Diagnostic.Category.UNRECOGNIZED, diag(r, null, 14).category());
    }

    @Test
    void anUndefinedVariableNamesItsLineAndKeepsTheRuleInPlaceUncertain() throws Exception {
        ImportResult r = nft(fwd("  tcp dport $NOPE accept\n  tcp dport 22 accept\n"));
        Diagnostic d = diag(r, "r.nft", 4);
        assertEquals(Diagnostic.Category.UNRECOGNIZED, d.category());
        assertEquals("undefined variable $NOPE", d.message());
        Rule kept = Nft.policy(r, "inet f fwd").rules().get(0);
        assertEquals(4, kept.source().line());
        assertTrue(kept.match().isEmpty());
        assertUncertain(uncertainty(r, "eth0", "eth1", "10.0.0.1", 50123, "10.0.0.2", 443), "undefined variable $NOPE");
    }

    @Test
    void variablesThatDoubleAtEachStepAreCutOff() throws Exception {
        StringBuilder b = new StringBuilder("define V0 = { 1, 2 }\n");
        for (int i = 1; i < 40; i++) b.append("define V").append(i).append(" = { $V").append(i - 1).append(", $V").append(i - 1).append(" }\n");
        b.append(fwd("  tcp dport $V39 accept\n"));
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> nft(b.toString()));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("longer than " + NftSource.MAX_DEFINE_TOKENS + " tokens")));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 1));
    }

    // ---------------------------------------------------------------- includes

    @Test
    void includesAreReadInPlaceRelativeToTheIncludingFileWithTheirOwnLineNumbers() throws Exception {
        write("conf/main.nft", """
                include "defs/*.nft"
                table inet f {
                	include "chains/fwd.nft"
                }
                """);
        write("conf/defs/10-ports.nft", "define WEB = { 443 }\n");
        write("conf/defs/20-edges.nft", "# edges\ndefine EDGE = 172.16.10.11\ninclude \"more/extra.nft\"\n");
        write("conf/defs/more/extra.nft", "define EXTRA = 8443\n");
        write("conf/defs/.hidden.nft", "this is not read\n");
        write("conf/chains/fwd.nft", """
                chain fwd {
                	type filter hook forward priority 0; policy drop;
                	ip daddr $EDGE tcp dport $WEB accept
                	tcp dport $EXTRA accept
                	frobnicate
                }
                """);
        ImportResult r = importFile("conf/main.nft");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.11", 443));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.12", 8443));
        Rule first = Nft.policy(r, "inet f fwd").rules().get(0);
        assertEquals("conf/chains/fwd.nft", first.source().file());
        assertEquals(3, first.source().line());
        Diagnostic junk = diag(r, "conf/chains/fwd.nft", 5);
        assertEquals(Diagnostic.Category.UNRECOGNIZED, junk.category());
        assertEquals("includes conf/defs/10-ports.nft, conf/defs/20-edges.nft", diag(r, "conf/main.nft", 1).message());
        assertEquals(Diagnostic.Category.IGNORED, diag(r, "conf/defs/20-edges.nft", 1).category());
        // every line of every file is accounted for: 4 + 1 + 3 + 1 + 6
        assertEquals(15, r.lines().total());
        assertEquals(Diagnostic.Category.UNRECOGNIZED, r.diagnostics().stream().filter(d -> d.file().endsWith("fwd.nft") && d.line() == 5)
                .findFirst().orElseThrow().category());
    }

    @Test
    void aMissingIncludeIsBadInputNamingTheIncludingFileAndLine() throws Exception {
        write("m/main.nft", "table inet f {\n}\ninclude \"sub/a.nft\"\n");
        write("m/sub/a.nft", "# a\n\ninclude \"b.nft\"\n");
        BadInputException e = assertThrows(BadInputException.class, () -> importFile("m/main.nft"));
        assertEquals("m/sub/a.nft:3: include \"b.nft\": file not found (looked for m/sub/b.nft)", e.getMessage());
        // a wildcard that matches nothing is no error, as in nft
        write("w/main.nft", "include \"none/*.nft\"\ntable inet f {\n}\n");
        assertTrue(importFile("w/main.nft").diagnostics().get(0).message().contains("matches no file"));
    }

    @Test
    void includeLoopsFilesOutsideTheDirectoryAndDeepNestingAreRefused() throws Exception {
        write("l/main.nft", "include \"a.nft\"\n");
        write("l/a.nft", "include \"b.nft\"\n");
        write("l/b.nft", "\ninclude \"a.nft\"\n");
        BadInputException loop = assertThrows(BadInputException.class, () -> importFile("l/main.nft"));
        assertTrue(loop.getMessage().startsWith("l/b.nft:2: include \"a.nft\": include loop"), loop.getMessage());
        write("secret.nft", "define S = 1\n");
        write("o/main.nft", "include \"../secret.nft\"\n");
        BadInputException out = assertThrows(BadInputException.class, () -> importFile("o/main.nft"));
        assertTrue(out.getMessage().contains("outside the directory of o/main.nft"), out.getMessage());
        write("d/main.nft", "include \"x0.nft\"\n");
        for (int i = 0; i < 20; i++) write("d/x" + i + ".nft", "include \"x" + (i + 1) + ".nft\"\n");
        write("d/x20.nft", "\n");
        BadInputException deep = assertThrows(BadInputException.class, () -> importFile("d/main.nft"));
        assertTrue(deep.getMessage().contains("nested deeper than " + NftSource.MAX_INCLUDE_DEPTH), deep.getMessage());
    }

    @Test
    void anAbsoluteIncludeIsLookedUpUnderTheExportByItsLastComponents() throws Exception {
        write("abs/nftables.conf", "include \"/etc/nftables.d/*.nft\"\n");
        write("abs/nftables.d/fw.nft", fwd("  tcp dport 22 accept\n"));
        ImportResult r = importFile("abs/nftables.conf");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 22));
        assertEquals("abs/nftables.d/fw.nft", Nft.policy(r, "inet f fwd").rules().get(0).source().file());
    }

    // ---------------------------------------------------------------- the command form

    @Test
    void theCommandFormBuildsTheSameRuleset() throws Exception {
        ImportResult r = nft("""
                flush ruleset
                add table inet f
                add chain inet f fwd { type filter hook forward priority 0; policy drop; }
                add chain inet f sub
                add set inet f edges { type ipv4_addr; flags interval; }
                add element inet f edges { 172.16.10.0/28 }
                add rule inet f fwd ip daddr @edges tcp dport 443 accept
                add rule inet f fwd tcp dport 22 drop
                insert rule inet f fwd tcp dport 22 accept comment "admin first"
                add rule inet f fwd index 0 tcp dport 23 drop
                add rule inet f fwd jump sub
                add rule inet f sub udp dport 3478 accept
                add element inet f edges { 172.16.10.99 }
                delete element inet f edges { 172.16.10.99 }
                """);
        List<Rule> rules = Nft.policy(r, "inet f fwd").rules();
        assertEquals("admin first", rules.get(0).name());
        assertEquals(List.of(9, 10, 7, 8, 12), rules.stream().map(x -> x.source().line()).toList(), "insert first, index 0 after it");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 22));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 23));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.5", 443));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.99", 443), "deleted again");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "10.0.0.1", "10.0.0.2", 3478));
        assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), r.diagnostics().toString());
    }

    @Test
    void flushAndDeleteRemoveWhatCameBeforeAndRuleHandlesAreUncertain() throws Exception {
        ImportResult r = nft(fwd("  tcp dport 22 accept\n") + """
                flush chain inet f fwd
                add rule inet f fwd tcp dport 23 accept
                add rule inet f fwd handle 7 tcp dport 24 accept
                replace rule inet f fwd handle 9 tcp dport 25 accept
                table ip gone {
                	chain c {
                		type filter hook forward priority 0; policy drop;
                	}
                }
                delete table ip gone
                """);
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 22), "flushed");
        assertTrue(diag(r, null, 4).message().startsWith("removed by 'flush chain' at r.nft:7"));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 23));
        // where a rule added by handle stands is not known: what it may decide is uncertain
        assertUncertain(uncertainty(r, "eth0", "eth1", "10.0.0.1", 50123, "10.0.0.2", 24), "position in chain fwd is not known");
        // a replaced rule: any decision of the chain may change
        assertUncertain(uncertainty(r, "eth0", "eth1", "10.0.0.1", 50123, "10.0.0.2", 23), "a rule replaced by handle at r.nft:10");
        assertEquals(List.of("inet f fwd"), r.policies().stream().map(Policy::name).toList());
        assertTrue(diag(r, null, 13).message().startsWith("removed by 'delete table'"));
    }

    // ---------------------------------------------------------------- sets, maps, verdict maps

    @Test
    void namedSetsWithFlagsCommentsAndElementsOverSeveralLines() throws Exception {
        ImportResult r = nft("""
                table inet f {
                	set edges {
                		typeof ip daddr
                		flags interval, constant
                		auto-merge
                		comment "Edge interfaces"
                		elements = { 172.16.10.11 comment "access",
                			     172.16.10.20-172.16.10.29,
                			     172.16.11.0/24 }
                	}
                	set ports { type inet_service; elements = { 443, 5061 } }
                	chain fwd {
                		type filter hook forward priority 0; policy drop;
                		ip daddr @edges tcp dport @ports counter accept comment "to the edges"
                		ip daddr != @edges tcp dport 22 accept
                	}
                }
                """);
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.25", 5061));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.11.200", 443));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.12", 443));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.12", 22));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "172.16.10.11", 22));
        assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), r.diagnostics().toString());
        assertEquals("continues line 7", diag(r, null, 9).message());
    }

    @Test
    void setsFilledAtRunTimeMakeTheirMatchesUncertainAndAddingToThemFiltersNothing() throws Exception {
        ImportResult r = nft("""
                table inet f {
                	set scanners { type ipv4_addr; flags dynamic, timeout; timeout 10m; }
                	set seen { type ipv4_addr; elements = { 192.0.2.7 timeout 1h } }
                	chain fwd {
                		type filter hook forward priority 0; policy accept;
                		ip saddr @scanners drop
                		tcp dport 22 update @scanners { ip saddr } accept
                		ip saddr @seen tcp dport 80 drop
                	}
                }
                """);
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.9", "10.0.0.2", 443));
        assertUncertain(uncertainty(r, "eth0", "eth1", "192.0.2.9", 50123, "10.0.0.2", 443), "set @scanners is only known at run time");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.9", "10.0.0.2", 22), "update @scanners does not filter");
        // elements that time out: read as listed, uncertain
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.7", "10.0.0.2", 80));
        assertUncertain(uncertainty(r, "eth0", "eth1", "192.0.2.7", 50123, "10.0.0.2", 80), "its elements time out");
    }

    @Test
    void verdictMapsDispatchOnPortsInterfacesStatesAndNamedMaps() throws Exception {
        ImportResult r = nft("""
                table inet f {
                	map by_port { type inet_service : verdict; elements = { 3478 : accept, 3479 : drop } }
                	chain fwd {
                		type filter hook forward priority 0; policy drop;
                		ct state vmap { established : accept, related : accept, invalid : drop, new : jump check }
                		iifname vmap { "eth0" : jump from_wan, "eth1" : goto from_lan }
                		udp dport vmap @by_port
                	}
                	chain check {
                		tcp dport 25 drop
                	}
                	chain from_wan {
                		tcp dport vmap { 443 : accept, 80 : drop, 22 : continue }
                		tcp dport 22 accept
                	}
                	chain from_lan {
                		tcp dport { 22, 443 } accept
                	}
                }
                """);
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "10.0.0.2", 25), "new: jump check");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "10.0.0.2", 443));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "10.0.0.2", 80));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "10.0.0.2", 22), "continue moves on to the next rule");
        assertEquals(PERMIT, decide(r, "eth1", "eth0", "tcp", "10.0.0.2", "192.0.2.1", 22));
        assertEquals(PERMIT, decide(r, "eth2", "eth0", "udp", "10.0.0.2", "192.0.2.1", 3478));
        assertEquals(DENY, decide(r, "eth2", "eth0", "udp", "10.0.0.2", "192.0.2.1", 3479));
        assertEquals(DENY, decide(r, "eth1", "eth0", "udp", "10.0.0.2", "192.0.2.1", 3478), "goto from_lan: the policy decides");
        assertCertain(uncertainty(r, "eth1", "eth0", "10.0.0.2", 50123, "192.0.2.1", 8080));
        // inside a regular chain, a goto limited to an interface is not modelled: the packets may come back
        ImportResult s = nft(fwd("  jump check\n") .replace(" }\n}\n", " }\n chain check {\n  iifname \"eth1\" goto lan\n"
                + "  tcp dport 22 accept\n }\n chain lan {\n  tcp dport 443 accept\n }\n}\n"));
        assertEquals(PERMIT, decide(s, "eth1", "eth0", "tcp", "10.0.0.2", "192.0.2.1", 22));
        assertUncertain(uncertainty(s, "eth1", "eth0", "10.0.0.2", 50123, "192.0.2.1", 22), "a return limited to an interface");
    }

    @Test
    void anonymousChainsAreRegularChainsOfTheirOwn() throws Exception {
        ImportResult r = nft(fwd("""
                  tcp dport 22 jump { ip saddr 10.0.0.0/8 accept; drop; }
                  tcp dport 3389 goto {
                  	ip saddr 10.9.0.0/16 accept
                  }
                  tcp dport { 22, 3389 } accept
                """));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.1.1.1", "192.0.2.2", 22));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 22));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.9.1.1", "192.0.2.2", 3389));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.8.1.1", "192.0.2.2", 3389), "goto: the base chain's policy decides");
        List<Rule> rules = Nft.policy(r, "inet f fwd").rules();
        assertEquals(6, rules.get(2).source().line(), "the accept inside the goto block");
        assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), r.diagnostics().toString());
    }

    // ---------------------------------------------------------------- concatenations

    @Test
    void concatenationsOfModelledSelectorsAreExact() throws Exception {
        ImportResult r = nft("""
                table inet f {
                	set pairs {
                		type ipv4_addr . inet_service
                		flags interval
                		elements = { 10.0.0.0/24 . 22-23, 10.0.1.1 . 443 }
                	}
                	chain fwd {
                		type filter hook forward priority 0; policy drop;
                		ip saddr . tcp dport @pairs accept
                		ip saddr . ip daddr . udp dport { 10.0.2.1 . 172.16.10.13 . 3478, 10.0.2.2 . 172.16.10.14 . 3479 } accept
                		iifname . ip daddr vmap { "eth0" . 172.16.10.11 : accept, "eth1" . 172.16.10.11 : drop }
                		meta mark . ip daddr { 0x1 . 172.16.10.12 } accept
                	}
                }
                """);
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.7", "192.0.2.2", 23));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.7", "192.0.2.2", 443), "not the product of the parts");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.1.1", "192.0.2.2", 443));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "10.0.2.2", "172.16.10.14", 3479));
        assertEquals(DENY, decide(r, "eth0", "eth1", "udp", "10.0.2.1", "172.16.10.14", 3479));
        assertEquals(PERMIT, decide(r, "eth0", "eth2", "tcp", "192.0.2.1", "172.16.10.11", 8080));
        assertEquals(DENY, decide(r, "eth1", "eth2", "tcp", "192.0.2.1", "172.16.10.11", 8080));
        assertCertain(uncertainty(r, "eth0", "eth1", "10.0.0.7", 50123, "192.0.2.2", 443));
        // the mark is not modelled: that concatenation is uncertain, read without it
        assertEquals(PERMIT, decide(r, "eth2", "eth1", "tcp", "192.0.2.1", "172.16.10.12", 1));
        assertUncertain(uncertainty(r, "eth2", "eth1", "192.0.2.1", 50123, "172.16.10.12", 1), "'meta mark' is not modelled");
    }

    // ---------------------------------------------------------------- expressions

    @Test
    void protocolsFamiliesAndInterfacesAreModelled() throws Exception {
        ImportResult r = nft(fwd("""
                  meta l4proto { tcp, udp } th dport 53 accept
                  ip protocol esp accept
                  ip6 nexthdr tcp ip6 daddr 2001:db8::/32 tcp dport 22 accept
                  meta nfproto ipv6 udp dport 123 accept
                  iif { "eth5", "eth6" } accept
                  oifname "eth7" accept
                """));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "10.0.0.1", "10.0.0.2", 53));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 53));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "esp", "10.0.0.1", "10.0.0.2", 0));
        assertEquals(DENY, decide(r, "eth0", "eth1", "esp", "2001:db8::1", "2001:db8::2", 0), "ip protocol: IPv4 only");
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "2001:db9::1", "2001:db8::2", 22));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "udp", "2001:db9::1", "2001:db8::2", 123));
        assertEquals(DENY, decide(r, "eth0", "eth1", "udp", "10.0.0.1", "10.0.0.2", 123));
        assertEquals(PERMIT, decide(r, "eth6", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 1));
        assertEquals(PERMIT, decide(r, "eth0", "eth7", "tcp", "10.0.0.1", "10.0.0.2", 1));
        assertCertain(uncertainty(r, "eth0", "eth1", "10.0.0.1", 50123, "10.0.0.2", 1));
    }

    @Test
    void whatDependsOnRunTimeStateIsUncertain() throws Exception {
        ImportResult r = nft(fwd("""
                  iifname "wg*" accept
                  fib daddr type local drop
                  tcp dport 80 limit rate over 10/second drop
                  tcp dport 81 limit rate 10/second accept
                  tcp dport 82 quota over 10 mbytes drop
                  tcp dport 83 ct count over 20 drop
                  tcp dport 84 meter m size 100 { ip saddr limit rate over 5/second } drop
                  tcp dport { 80, 82, 83, 84 } log prefix "web " counter accept comment "web"
                """));
        // a wildcard interface is exact: every interface whose name starts with wg, and no other
        assertEquals(PERMIT, decide(r, "wg0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 9));
        assertCertain(uncertainty(r, "wg0", "eth1", "10.0.0.1", 50123, "10.0.0.2", 9));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 9));
        // what drops only the unusual packets (over a rate, a quota, a count; a route lookup) is read as dropping none
        ImportResult s = nft(fwd("""
                  fib daddr type local drop
                  tcp dport 80 limit rate over 10/second drop
                  tcp dport 81 limit rate 10/second accept
                  tcp dport 82 quota over 10 mbytes drop
                  tcp dport 83 ct count over 20 drop
                  tcp dport 84 meter m size 100 { ip saddr limit rate over 5/second } drop
                  tcp dport { 80, 82, 83, 84 } log prefix "web " counter accept comment "web"
                """));
        for (int port : new int[] {80, 82, 83, 84}) {
            assertEquals(PERMIT, decide(s, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", port));
            assertUncertain(uncertainty(s, "eth0", "eth1", "10.0.0.1", 50123, "10.0.0.2", port), "not modelled");
        }
        // a rate limit that accepts: read as accepting
        assertEquals(PERMIT, decide(s, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 81));
        assertUncertain(uncertainty(s, "eth0", "eth1", "10.0.0.1", 50123, "10.0.0.2", 81), "'limit' is not modelled");
        assertTrue(diag(s, null, 4).message().contains("'fib' is not modelled; read as matching no packet"));
    }

    @Test
    void everyLineIsUsedOrDiagnosed() throws Exception {
        for (String f : List.of("etc-nftables.nft", "ruleset-list.nft", "forward-basic.nft", "malformed.nft", "uncertain.nft")) {
            ImportResult r = NftablesImporterTest.fixture(f);
            assertFalse(r.diagnostics().stream().anyMatch(d -> d.message().equals(io.lyncaudit.importer.LineLedger.NOT_LOOKED_AT)), f + ": " + r.diagnostics());
        }
    }

    @Test
    void theJsonFormReadsAnonymousChainsMapsAndCommands() throws Exception {
        ImportResult r = Nft.load(tmp, "j.json", """
                {"nftables": [{"add": {"table": {"family": "ip", "name": "t"}}},
                {"add": {"chain": {"family": "ip", "table": "t", "name": "c", "type": "filter", "hook": "forward", "prio": 0, "policy": "drop"}}},
                {"add": {"rule": {"family": "ip", "table": "t", "chain": "c", "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 22}}, "jump {\\n\\tip saddr 10.0.0.0/8 accept\\n\\tdrop\\n}"]}}},
                {"insert": {"rule": {"family": "ip", "table": "t", "chain": "c", "expr": [{"match": {"op": "==", "left": {"concat": [{"payload": {"protocol": "ip", "field": "daddr"}}, {"payload": {"protocol": "tcp", "field": "dport"}}]}, "right": {"set": [{"concat": ["172.16.10.11", 443]}]}}}, {"accept": null}]}}}
                ]}
                """);
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "192.0.2.2", 22));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "192.0.2.2", 22));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "192.0.2.1", "172.16.10.11", 443));
        assertEquals(4, Nft.policy(r, "ip t c").rules().get(0).source().line(), "inserted first");
    }

    @Test
    void setsNestedDeepAndVariablesUsedManyTimesAreRefusedQuickly() throws Exception {
        String deep = fwd("  tcp dport " + "{\n".repeat(50_000) + "22" + "\n}".repeat(50_000) + " accept\n  tcp dport 23 accept\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> nft(deep));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("nested deeper than " + NftStatements.MAX_NESTING)));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 23));
        String many = "define V = {\n" + "1,\n".repeat(40_000) + "2 }\n" + fwd("  tcp dport $V accept\n".repeat(200));
        BadInputException e = assertThrows(BadInputException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> nft(many)));
        assertTrue(e.getMessage().contains("variables expand to more than"), e.getMessage());
    }

    @Test
    void hugeSetsAndLongStatementsStayBounded() throws Exception {
        StringBuilder b = new StringBuilder("table inet f {\n set big {\n  type inet_service\n  elements = {\n");
        for (int i = 0; i < 60_000; i++) b.append("   ").append(i).append(",\n");
        b.append("  }\n }\n chain fwd {\n  type filter hook forward priority 0; policy drop;\n  tcp dport @big accept\n }\n}\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> nft(b.toString()));
        assertEquals(PERMIT, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 59_999));
        assertEquals(DENY, decide(r, "eth0", "eth1", "tcp", "10.0.0.1", "10.0.0.2", 60_001));
    }
}
