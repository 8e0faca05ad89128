package io.lyncaudit.importer.asa;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.importer.OnePacket.set;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ASA's NAT table as a stage of the one evaluator: a packet arriving on the mapped side at a
 * mapped address is untranslated before the access lists, which (8.3+) name the real address.
 */
class AsaNatPathTest {

    @TempDir
    Path tmp;

    private ImportResult asa(String body) throws Exception {
        Path f = Files.writeString(tmp.resolve("fw.asa"), """
                ASA Version 9.8(4)
                hostname nat-path
                interface GigabitEthernet0/0
                 nameif outside
                 security-level 0
                 ip address 131.107.155.1 255.255.255.0
                interface GigabitEthernet0/1
                 nameif dmz
                 security-level 50
                 ip address 172.25.33.1 255.255.255.0
                """ + body);
        return new AsaImporter().importFile(f, "fw.asa");
    }

    @Test
    void objectNatLetsTheAccessListNameTheRealAddress() throws Exception {
        ImportResult r = asa("""
                object network EDGE
                 host 172.25.33.10
                 nat (dmz,outside) static 131.107.155.10
                access-list outside_in extended permit tcp any host 172.25.33.10 eq 5061
                access-group outside_in in interface outside
                """);
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "198.51.100.7", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "198.51.100.7", "131.107.155.10", 443));
        // traffic that arrives at the real address is not translated, and the access list sees it as it is
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "198.51.100.7", "172.25.33.10", 5061));
        // the evaluation says where the permitted packets went, and which line translated them
        PacketSet q = set("tcp", "198.51.100.7", 50123, "131.107.155.10", 5061);
        Evaluation e = PolicyEvaluator.evaluate(r, q, "outside", "dmz");
        assertEquals(set("tcp", "198.51.100.7", 50123, "172.25.33.10", 5061), e.image(q));
        Decision translating = e.decisions().stream().filter(d -> d.translation() != null).findFirst().orElseThrow();
        assertEquals(13, translating.rule().source().line());
    }

    @Test
    void aTranslationAppliesOnlyOnItsMappedInterface() throws Exception {
        ImportResult r = asa("""
                interface GigabitEthernet0/2
                 nameif partner
                 security-level 0
                 ip address 192.0.2.1 255.255.255.0
                object network EDGE
                 host 172.25.33.10
                 nat (dmz,outside) static 131.107.155.10
                access-list out_in extended permit tcp any host 172.25.33.10 eq 5061
                access-group out_in in interface outside
                access-group out_in in interface partner
                """);
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "198.51.100.7", "131.107.155.10", 5061));
        // from the partner interface the mapped address is not translated: the ACL sees 131.107.155.10 and denies
        assertEquals(DENY, decide(r, "partner", "dmz", "tcp", "192.0.2.7", "131.107.155.10", 5061));
    }

    @Test
    void manualNatComesBeforeObjectNatAndIdentityNatStopsTheLook() throws Exception {
        ImportResult r = asa("""
                object network EDGE
                 host 172.25.33.10
                 nat (dmz,outside) static 131.107.155.10
                object network EDGE_PUBLIC
                 host 131.107.155.10
                object network OTHER
                 host 172.25.33.99
                nat (dmz,outside) source static OTHER EDGE_PUBLIC
                access-list outside_in extended permit tcp any host 172.25.33.10 eq 5061
                access-list outside_in extended permit tcp any host 172.25.33.99 eq 5061
                access-group outside_in in interface outside
                """);
        PacketSet q = set("tcp", "198.51.100.7", 50123, "131.107.155.10", 5061);
        Evaluation e = PolicyEvaluator.evaluate(r, q, "outside", "dmz");
        // section 1 (manual NAT) wins over section 2 (object NAT): the packet goes to OTHER
        assertEquals(set("tcp", "198.51.100.7", 50123, "172.25.33.99", 5061), e.image(q));
    }

    @Test
    void unidirectionalAndInactiveTranslationsOpenNoInboundPath() throws Exception {
        ImportResult r = asa("""
                object network EDGE
                 host 172.25.33.10
                object network EDGE_PUBLIC
                 host 131.107.155.10
                nat (dmz,outside) source static EDGE EDGE_PUBLIC unidirectional
                nat (dmz,outside) source static EDGE EDGE_PUBLIC inactive
                access-list outside_in extended permit tcp any host 172.25.33.10 eq 5061
                access-group outside_in in interface outside
                """);
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "198.51.100.7", "131.107.155.10", 5061));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 15 && d.message().startsWith("unidirectional")), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 16 && d.message().startsWith("inactive")), r.diagnostics().toString());
    }

    @Test
    void aBlockTranslationIsUncertainNotGuessed() throws Exception {
        ImportResult r = asa("""
                object network DMZ_PUBLIC
                 subnet 131.107.155.0 255.255.255.0
                object network DMZ
                 subnet 172.25.33.0 255.255.255.0
                 nat (dmz,outside) static DMZ_PUBLIC
                access-list outside_in extended permit tcp any host 172.25.33.10 eq 5061
                access-group outside_in in interface outside
                """);
        Rule nat = r.policies().get(0).rules().get(0);
        assertTrue(nat.uncertain(), nat.toString());
        assertTrue(nat.uncertainty().contains("maps each address to its own"), nat.uncertainty());
        assertFalse(nat.mayMatch().isEmpty());
    }
}
