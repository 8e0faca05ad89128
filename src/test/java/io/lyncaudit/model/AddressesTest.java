package io.lyncaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void parsesAndFormatsEveryNotation() {
        assertEquals("10.0.1.11", Addresses.format(Addresses.parse("10.0.1.11")));
        assertEquals("10.0.0.0/8", Addresses.format(Addresses.parse("10.0.0.0/8")));
        assertEquals("10.0.0.0/8", Addresses.format(Addresses.parse("10.0.0.0/255.0.0.0")));
        assertEquals("10.0.0.5-10.0.0.9", Addresses.format(Addresses.parse("10.0.0.5-10.0.0.9")));
        assertEquals("2001:db8::/32", Addresses.format(Addresses.parse("2001:db8::/32")));
        assertEquals("2001:db8::7", Addresses.format(Addresses.parse("2001:DB8:0:0:0:0:0:7")));
        assertEquals("::1", Addresses.format(Addresses.parse("::1")));
        assertEquals("any", Addresses.format(Addresses.parse("any")));
        assertEquals("any4", Addresses.format(Addresses.parse("0.0.0.0/0")));
        assertEquals("any6", Addresses.format(Addresses.parse("any6")));
        assertEquals("0.0.0.0/1", Addresses.format(Addresses.parse("0.0.0.0/1")));
        assertEquals("10.0.0.1, 10.0.0.3", Addresses.format(Addresses.parse("10.0.0.1").union(Addresses.parse("10.0.0.3"))));
        assertTrue(Addresses.ALL_V4.containsAll(Addresses.parse("255.255.255.255")));
        assertTrue(!Addresses.ALL_V6.intersects(Addresses.parse("192.0.2.1")));
    }

    @Test
    void rejectsWithReadableMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Addresses.parse("10.0.0.0/33")).getMessage().contains("prefix length 33"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Addresses.parse("10.0.0.300")).getMessage().contains("300"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Addresses.parse("10.0.0.1/24")).getMessage().contains("host bits"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.parse("edge.contoso.com"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.parse("1::2::3"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.parse("10.0.0.9-10.0.0.1"));
    }

    @Test
    void portsParseThousandsSeparatorsAndRejectOutOfRange() {
        assertEquals("50000-59999", Ports.format(Ports.parseRange("50,000-59,999")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ports.parseRange("70000")).getMessage().contains("70000"));
        assertThrows(IllegalArgumentException.class, () -> Ports.parseRange("10-5"));
        assertEquals("any", Ports.format(Ports.parseRange("any")));
    }
}
