package io.lyncaudit.importer.windows;

import static io.lyncaudit.importer.windows.WindowsFixtures.importText;
import static io.lyncaudit.importer.windows.WindowsFixtures.inbound;
import static io.lyncaudit.importer.windows.WindowsFixtures.netsh;
import static io.lyncaudit.importer.windows.WindowsFixtures.outbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Windows does with its rules, checked through the importer and the one evaluator. */
class WindowsFirewallSemanticsTest {
    private static final int TCP = Protocols.TCP, UDP = Protocols.UDP;

    @TempDir
    Path tmp;

    @Test
    void blockWinsOverAllowWhateverTheOrder() throws Exception {
        ImportResult ir = importText(tmp, netsh("allow sip", "Yes", "In", "Domain", "TCP", "5060", "Any", "Allow")
                + netsh("block sip", "Yes", "In", "Domain", "TCP", "5060", "10.5.0.0/16", "Block")
                + netsh("allow sip again", "Yes", "In", "Domain", "TCP", "5060", "Any", "Allow"));
        assertTrue(ir.policies().stream().allMatch(p -> p.kind() == PolicyKind.BLOCK_WINS));
        assertFalse(inbound(ir, TCP, "10.5.1.1", 5060), "the block rule wins for its remote addresses");
        assertTrue(inbound(ir, TCP, "10.6.1.1", 5060), "the allow rules still admit the others");
    }

    @Test
    void inboundDefaultsToBlock() throws Exception {
        ImportResult ir = importText(tmp, netsh("allow tls", "Yes", "In", "Domain", "TCP", "5061", "Any", "Allow"));
        assertTrue(inbound(ir, TCP, "10.0.0.9", 5061));
        assertFalse(inbound(ir, TCP, "10.0.0.9", 5062), "no rule: inbound is blocked");
        assertFalse(inbound(ir, UDP, "10.0.0.9", 5061), "TCP rule does not admit UDP");
    }

    @Test
    void outboundDefaultsToAllowAndOutboundBlocksWin() throws Exception {
        ImportResult ir = importText(tmp, netsh("no smb out", "Yes", "Out", "Domain", "TCP", null, "Any", "Block")
                .replace("Protocol:                             TCP\n", "Protocol:                             TCP\nRemotePort:                           445\n"));
        assertTrue(outbound(ir, TCP, "10.0.9.9", 443), "no rule: outbound is allowed");
        assertFalse(outbound(ir, TCP, "10.0.9.9", 445), "the outbound block rule");
        assertFalse(inbound(ir, TCP, "10.0.9.9", 443), "outbound allow does not open inbound");
    }

    @Test
    void inboundRulesDoNotOpenOutboundAndViceVersa() throws Exception {
        ImportResult ir = importText(tmp, netsh("in any", "Yes", "In", "Domain", "Any", null, "Any", "Allow")
                + netsh("out block all", "Yes", "Out", "Domain", "Any", null, "Any", "Block"));
        assertTrue(inbound(ir, UDP, "10.0.0.1", 53));
        assertFalse(outbound(ir, UDP, "10.0.0.1", 53), "the inbound allow-all does not answer for outbound");
        assertTrue(ir.policies().get(0).rules().get(0).toZones().contains("host"));
        assertTrue(ir.policies().get(1).rules().get(0).fromZones().contains("host"));
    }

    @Test
    void disabledRulesAreIgnoredWithADiagnostic() throws Exception {
        ImportResult ir = importText(tmp, netsh("off", "No", "In", "Domain", "TCP", "5061", "Any", "Allow")
                + netsh("off block", "No", "In", "Domain", "TCP", "443", "Any", "Block")
                + netsh("on", "Yes", "In", "Domain", "TCP", "443", "Any", "Allow"));
        assertFalse(inbound(ir, TCP, "10.0.0.1", 5061));
        assertTrue(inbound(ir, TCP, "10.0.0.1", 443), "a disabled block rule blocks nothing");
        assertEquals(2, ir.diagnostics().stream().filter(d -> d.message().equals("rule disabled")
                && d.category() == Diagnostic.Category.IGNORED).count());
    }

    @Test
    void profilesOtherThanTheActiveOneAreIgnored() throws Exception {
        String text = netsh("public only", "Yes", "In", "Public", "TCP", "3389", "Any", "Allow")
                + netsh("private and domain", "Yes", "In", "Domain,Private", "TCP", "5061", "Any", "Allow")
                + netsh("any profile", "Yes", "In", "Any", "TCP", "443", "Any", "Allow");
        ImportResult ir = importText(tmp, text);
        assertFalse(inbound(ir, TCP, "10.0.0.1", 3389), "Public rules do not apply on a domain server");
        assertTrue(inbound(ir, TCP, "10.0.0.1", 5061));
        assertTrue(inbound(ir, TCP, "10.0.0.1", 443));
        assertTrue(ir.diagnostics().stream().anyMatch(d -> d.message().contains("not the active profile Domain")));
        ImportResult pub = new WindowsFirewallImporter(WindowsValues.Profile.PUBLIC)
                .importFile(WindowsFixtures.write(tmp, "p.txt", text), "p.txt");
        assertTrue(inbound(pub, TCP, "10.0.0.1", 3389), "with Public active");
        assertFalse(inbound(pub, TCP, "10.0.0.1", 5061));
    }

    @Test
    void rpcKeywords() throws Exception {
        ImportResult ir = importText(tmp, netsh("epmap", "Yes", "In", "Domain", "TCP", "RPCEPMap", "Any", "Allow")
                + netsh("rpc", "Yes", "In", "Domain", "TCP", "RPC", "Any", "Allow"));
        assertTrue(inbound(ir, TCP, "10.0.0.1", 135), "RPCEPMap is 135");
        assertFalse(inbound(ir, TCP, "10.0.0.1", 136));
        assertTrue(inbound(ir, TCP, "10.0.0.1", 49152), "RPC is the dynamic range");
        assertTrue(inbound(ir, TCP, "10.0.0.1", 65535));
        assertFalse(inbound(ir, TCP, "10.0.0.1", 49151));
        assertEquals(1, ir.diagnostics().stream().filter(d -> d.category() == Diagnostic.Category.UNSUPPORTED
                && d.message().contains("49152-65535")).count());
        assertEquals(1, ir.lines().unsupported());
    }

    @Test
    void hostResolvedKeywordsAreAnyWithAnUnsupportedDiagnostic() throws Exception {
        ImportResult ir = importText(tmp, netsh("subnet", "Yes", "In", "Domain", "TCP", "5061", "LocalSubnet", "Allow")
                + netsh("inet", "Yes", "In", "Domain", "TCP", "5062", "Internet", "Block"));
        assertTrue(inbound(ir, TCP, "192.0.2.1", 5061), "LocalSubnet read as any");
        assertEquals(2, ir.diagnostics().stream().filter(d -> d.category() == Diagnostic.Category.UNSUPPORTED).count());
    }

    @Test
    void icmpAndAnyProtocol() throws Exception {
        ImportResult ir = importText(tmp, netsh("ping", "Yes", "In", "Domain", "ICMPv4", null, "Any", "Allow"));
        assertTrue(inbound(ir, Protocols.ICMP, "10.0.0.1", 0));
        assertFalse(inbound(ir, TCP, "10.0.0.1", 80));
    }

    @Test
    void everyLineIsAccounted() throws Exception {
        ImportResult ir = new WindowsFirewallImporter().importFile(WindowsFixtures.DIR.resolve("fe01-netsh.txt"), "fe01-netsh.txt");
        var l = ir.lines();
        assertEquals(l.total(), l.used() + l.ignored() + l.unsupported() + l.unrecognized());
        assertEquals(8, ir.ruleCount());
    }
}
