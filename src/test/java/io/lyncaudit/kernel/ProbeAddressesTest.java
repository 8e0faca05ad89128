package io.lyncaudit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which probe addresses the lab accepts, and their one spelling; needs no root, runs everywhere. */
class ProbeAddressesTest {

    @Test
    void ordinaryAddressesAreUsable() {
        for (String a : new String[] {"10.0.0.5", "198.51.100.7", "192.0.2.1", "203.0.113.255", "100.64.0.1", "169.254.1.1",
                "198.17.255.255", "198.20.0.0", "223.255.255.255", "2001:db8::1", "2001:2:1::1", "fd00::1", "64:ff9b::102:304"}) {
            assertNull(ProbeAddresses.unusable(a), a);
        }
    }

    @Test
    void martiansAndTheLabsOwnRangesAreNot() {
        String[][] cases = {
                {"0.1.2.3", "0.0.0.0/8"}, {"127.0.0.1", "127.0.0.0/8"}, {"224.0.0.5", "224.0.0.0/4"}, {"239.255.255.255", "224.0.0.0/4"},
                {"240.0.0.1", "240.0.0.0/4"}, {"255.255.255.255", "240.0.0.0/4"}, {"198.18.0.1", "198.18.0.0/15"},
                {"198.19.255.255", "198.18.0.0/15"}, {"::", "::/96"}, {"::1", "::/96"}, {"::1.2.3.4", "::/96"},
                {"::ffff:1.2.3.4", "::ffff:0:0/96"}, {"fe80::1", "fe80::/10"}, {"febf::1", "fe80::/10"}, {"ff02::1", "ff00::/8"},
                {"2001:2::1", "2001:2::/48"}, {"2001:2:0:ffff::2", "2001:2::/48"}};
        for (String[] c : cases) {
            String why = ProbeAddresses.unusable(c[0]);
            assertTrue(why != null && why.contains(c[1]), c[0] + ": " + why);
            assertFalse(ProbeAddresses.usable(c[0]), c[0]);
        }
    }

    @Test
    void oneSpellingPerAddress() {
        assertEquals("2001:db8::1", ProbeAddresses.canonical("2001:DB8:0:0:0::1"));
        assertEquals("2001:db8:0:1:1:1:1:1", ProbeAddresses.canonical("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("2001:0:0:1::1", ProbeAddresses.canonical("2001:0:0:1:0:0:0:1"), "the longer run is shortened");
        assertEquals("2001::1:0:0:1", ProbeAddresses.canonical("2001:0:0:0:1:0:0:1"), "the first of two long runs, if longer");
        assertEquals("2001::1:0:0:1:0", ProbeAddresses.canonical("2001:0:0:1:0:0:1:0"), "of two equal runs, the first");
        assertEquals("::", ProbeAddresses.canonical("0:0:0:0:0:0:0:0"));
        assertEquals("::ffff:102:304", ProbeAddresses.canonical("::ffff:1.2.3.4"));
        assertEquals("10.0.0.5", ProbeAddresses.canonical(" 10.0.0.5 "));
        assertTrue(ProbeAddresses.isV6("2001:db8::1"));
        assertFalse(ProbeAddresses.isV6("10.0.0.5"));
    }

    @Test
    void onlyLiteralsAreAccepted() {
        for (String a : new String[] {"localhost", "example.com", "10.0.0", "10.0.0.256", "01.2.3.4", "2001:db8::1::2", "fe80::1%eth0", "", "abc"}) {
            assertThrows(IllegalArgumentException.class, () -> ProbeAddresses.canonical(a), a);
        }
        assertThrows(IllegalArgumentException.class, () -> Probe.tcp("10.0.0.1", 1, "2001:db8::1", 2), "mixed families");
        assertThrows(IllegalArgumentException.class, () -> Probe.udp("10.0.0.1", 0, "10.0.0.2", 2), "port 0");
    }
}
