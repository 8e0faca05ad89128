package io.lyncaudit.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Cisco port grammar both Cisco importers use: names, numbers and the five operators. */
class CiscoNamesTest {
    private static final CiscoNames ASA = new CiscoNames(Map.of("https", 443, "sip", 5060), false, "name");
    private static final CiscoNames IOS = new CiscoNames(Map.of("https", 443, "sip", 5060), true, "keyword");

    private static IntervalSet op(CiscoNames g, String text, int expectNext) {
        String[] t = text.split(" ");
        int[] next = {-1};
        IntervalSet s = g.operator(t, 0, next);
        assertEquals(expectNext, next[0], text);
        return s;
    }

    @Test
    void portsAreNumbersOrTheDevicesNames() {
        assertEquals(443, ASA.port("HTTPS"));
        assertEquals(65535, ASA.port("65535"));
        assertEquals(-1, ASA.port("65536"));
        assertEquals(-1, ASA.port("www"), "not in this device's list");
        assertEquals(-1, ASA.port(""));
    }

    @Test
    void operators() {
        assertEquals(IntervalSet.point(443), op(ASA, "eq https log", 2));
        assertEquals(Ports.ALL.subtract(IntervalSet.point(80)), op(ASA, "neq 80", 2));
        assertEquals(IntervalSet.EMPTY, op(ASA, "lt 0", 2));
        assertEquals(IntervalSet.of(0, 1023), op(ASA, "lt 1024", 2));
        assertEquals(IntervalSet.EMPTY, op(ASA, "gt 65535", 2));
        assertEquals(IntervalSet.of(50000, 59999), op(ASA, "range 50000 59999 any", 3));
        assertNull(ASA.operator(new String[] {"any"}, 0, new int[1]));
    }

    @Test
    void onlyIosTakesAListAfterEqAndNeq() {
        assertEquals(IntervalSet.point(443), op(ASA, "eq 443 5060", 2), "the ASA reads one port; 5060 is what follows");
        assertEquals(IntervalSet.point(443).union(IntervalSet.point(5060)), op(IOS, "eq 443 sip log", 3));
        assertEquals(Ports.ALL.subtract(IntervalSet.of(80, 81)), op(IOS, "neq 80 81", 3));
    }

    @Test
    void badOperandsAreErrorsNamingTheOperator() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ASA.operator(new String[] {"eq", "frob"}, 0, new int[1]))
                .getMessage().contains("'eq' needs a port number or name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IOS.operator(new String[] {"range", "90", "80"}, 0, new int[1]))
                .getMessage().contains("'range' needs two ports"));
    }

    @Test
    void onlyTcpUdpAndSctpCarryPorts() {
        assertTrue(CiscoNames.ported(Protocols.TCP_UDP));
        assertTrue(!CiscoNames.ported(Protocols.ALL));
        assertTrue(!CiscoNames.ported(IntervalSet.EMPTY));
    }
}
