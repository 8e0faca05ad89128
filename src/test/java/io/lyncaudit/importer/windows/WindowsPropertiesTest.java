package io.lyncaudit.importer.windows;

import static io.lyncaudit.importer.windows.WindowsFixtures.HOST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of an export the conversion does not read are diagnosed, never used: known not to
 * matter, ignored; unknown, unrecognized and (unless Any) a condition the rule is read without, so
 * the rule is uncertain. A rule whose action is known but whose ports or addresses cannot be read
 * stays as an uncertain stand-in, and every verdict it could change is uncertain ({@link Uncertainty}).
 */
class WindowsPropertiesTest {
    private static final int TCP = Protocols.TCP;

    @TempDir
    Path tmp;

    static ImportResult fixture(String name) throws Exception {
        return new WindowsFirewallImporter().importFile(WindowsFixtures.DIR.resolve(name), name);
    }

    static Diagnostic at(ImportResult r, int line) {
        return r.diagnostics().stream().filter(d -> d.line() == line).findFirst().orElse(null);
    }

    static Rule rule(ImportResult ir, String name) {
        return ir.policies().stream().flatMap(p -> p.rules().stream()).filter(r -> name.equals(r.name())).findFirst().orElseThrow();
    }

    static Evaluation inbound(ImportResult ir, String remote, int port) {
        return PolicyEvaluator.evaluate(ir, PacketSet.of(new PacketBox(IntervalSet.point(TCP), Addresses.parse(remote),
                Addresses.parse(HOST), IntervalSet.point(40000), IntervalSet.point(port))), "network", "host");
    }

    @Test
    void unknownFormatListPropertiesAreUnrecognizedAndMakeTheRuleUncertain() throws Exception {
        ImportResult r = fixture("fe03-unknown-properties-format-list.txt");
        // known not to matter: ignored, saying why
        for (int line : new int[] {2, 4, 5, 10, 11}) {
            assertEquals(Diagnostic.Category.IGNORED, at(r, line).category(), at(r, line).toString());
        }
        assertEquals("Description describes the rule: not about which packets it matches", at(r, 4).message());
        // unknown: unrecognized, never used
        assertEquals(Diagnostic.Category.UNRECOGNIZED, at(r, 17).category());
        assertEquals("property RemoteDynamicKeywordAddresses is not known to the audit; not read", at(r, 17).message());
        assertEquals(Diagnostic.Category.UNRECOGNIZED, at(r, 18).category(), "blank, but still not known");
        // read properties are used
        for (int line : new int[] {3, 6, 7, 8, 9, 12, 13, 14, 15, 16}) assertNull(at(r, line), "line " + line);

        Rule sip = rule(r, "Lync SIP (TCP-In)");
        assertTrue(sip.uncertain());
        assertEquals("RemoteDynamicKeywordAddresses '{11111111-2222-3333-4444-555555555555}' is not known to the audit and is read as "
                + "no condition", sip.uncertainty(), "a blank unknown property is no condition: only the other one is a reason");
        Evaluation e = inbound(r, "192.0.2.1", 5061);
        assertFalse(e.permitted().isEmpty());
        assertNotNull(new Uncertainty(r).of(e.decisions()), "Windows may apply the unknown property as a further condition");
        Rule rdp = rule(r, "Block RDP from the DMZ (TCP-In)");
        assertTrue(rdp.uncertain() && rdp.uncertainty().startsWith("Ticklish 'Very'"), rdp.uncertainty());
    }

    @Test
    void unknownCsvColumnsAreDiagnosedOnTheHeaderAndRowsStayUsed() throws Exception {
        ImportResult r = fixture("fe03-unknown-columns.csv");
        Diagnostic header = at(r, 1);
        assertEquals(Diagnostic.Category.UNRECOGNIZED, header.category());
        assertEquals("column Frobnicate is not known to the audit; its values are not read", header.message(),
                "the irrelevant columns (Description, PolicyStoreSourceType) are weaker news on the same line");
        assertNull(at(r, 2));
        assertNull(at(r, 3));
        assertEquals(new io.lyncaudit.policy.LineCounts(3, 2, 0, 0, 1), r.lines());
        assertFalse(rule(r, "Lync SIP (TCP-In)").uncertain(), "its Frobnicate cell is blank");
        assertEquals("Frobnicate 'only-on-tuesdays' is not known to the audit and is read as no condition",
                rule(r, "Lync web (TCP-In)").uncertainty());
        // with only columns known not to matter, the header says so and stays ignored
        String csv = "Name,DisplayName,Description,Enabled,Direction,Action,Profile,Protocol,LocalPort,RemotePort,LocalAddress,RemoteAddress,Group\n"
                + "a,A,,True,Inbound,Allow,Domain,TCP,5061,Any,Any,Any,Lync\n";
        ImportResult known = new WindowsFirewallImporter().importFile(WindowsFixtures.write(tmp, "known.csv", csv), "known.csv");
        assertEquals(Diagnostic.Category.IGNORED, at(known, 1).category());
        assertEquals("header row; column Description describes the rule: not about which packets it matches; "
                + "column Group labels the rule: not about which packets it matches", at(known, 1).message());
        assertFalse(known.policies().get(0).rules().get(0).uncertain());
    }

    @Test
    void anAllowWhosePortsCannotBeReadStaysAndMakesTheDefaultDenyUncertainWhereItMayMatch() throws Exception {
        ImportResult r = fixture("fe03-unknown-properties-format-list.txt");
        Rule broken = rule(r, "Broken ports (TCP-In)");
        assertEquals(Action.PERMIT, broken.action());
        assertTrue(broken.match().isEmpty(), "matches nothing for sure");
        assertTrue(broken.uncertain());
        Uncertainty u = new Uncertainty(r);
        Evaluation near = inbound(r, "10.1.2.3", 9000);
        assertTrue(near.permitted().isEmpty(), "read as not allowing: the default blocks");
        assertNotNull(u.of(near.decisions()), "but the rule may allow it: what could be read bounds it (TCP from 10.0.0.0/8)");
        Evaluation far = inbound(r, "192.0.2.1", 9000);
        assertTrue(far.permitted().isEmpty());
        assertNull(u.of(far.decisions()), "outside what the stand-in may match the verdict is certain");
    }

    @Test
    void aBlockWhoseAddressesCannotBeReadStaysAndMakesAllowsUncertainWhereItMayMatch() throws Exception {
        ImportResult r = fixture("fe03-unknown-properties-format-list.txt");
        Rule broken = rule(r, "Broken addresses (TCP-In)");
        assertEquals(Action.DENY, broken.action());
        assertTrue(broken.match().isEmpty());
        for (int line = 45; line <= 55; line++) {
            assertEquals(Diagnostic.Category.UNRECOGNIZED, at(r, line).category(), "every line of the rule: " + at(r, line));
        }
        assertEquals("part of the rule at line 45: '10.0.0.300' is not a valid address: octet 300 is over 255; rule not read",
                at(r, 55).message());
        Uncertainty u = new Uncertainty(r);
        Evaluation web = inbound(r, "192.0.2.1", 8080);
        assertFalse(web.permitted().isEmpty(), "the Web rule allows 8080, and the stand-in is read as blocking nothing");
        assertNotNull(u.of(web.decisions()), "but it may block 8080 (its address could not be read: any address)");
        Evaluation other = inbound(r, "192.0.2.1", 5061);
        assertFalse(other.permitted().isEmpty());
        assertTrue(u.of(other.decisions()) == null || !u.of(other.decisions()).contains("Broken addresses"),
                "8080 is all the stand-in may block: " + u.of(other.decisions()));
    }

    @Test
    void overrideBlockRulesIsAnAuthenticatedBypass() throws Exception {
        String fl = """

                Name               : {B1}
                DisplayName        : Admin bypass (TCP-In)
                Enabled            : True
                Profile            : Domain
                Direction          : Inbound
                Action             : Allow
                Protocol           : TCP
                LocalPort          : 5061
                RemotePort         : Any
                LocalAddress       : Any
                RemoteAddress      : 10.0.0.0/8
                OverrideBlockRules : True

                Name               : {B2}
                DisplayName        : Block the DMZ (TCP-In)
                Enabled            : True
                Profile            : Domain
                Direction          : Inbound
                Action             : Block
                Protocol           : TCP
                LocalPort          : 5061
                RemotePort         : Any
                LocalAddress       : Any
                RemoteAddress      : 10.9.0.0/16
                OverrideBlockRules : False
                """;
        ImportResult r = new WindowsFirewallImporter().importFile(WindowsFixtures.write(tmp, "bypass.txt", fl), "bypass.txt");
        assertEquals(Diagnostic.Category.UNSUPPORTED, at(r, 13).category(), "the OverrideBlockRules line says it is read as Allow");
        assertNull(at(r, 26), "False: no condition, used");
        Evaluation blocked = inbound(r, "10.9.1.1", 5061);
        assertTrue(blocked.permitted().isEmpty());
        assertNotNull(new Uncertainty(r).of(blocked.decisions()), "the bypass may override the block for authenticated connections");
    }
}
