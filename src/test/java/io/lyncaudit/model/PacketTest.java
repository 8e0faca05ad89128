package io.lyncaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packet notation of `lyncaudit trace`: what it reads, how it writes it back, what it refuses and why. */
class PacketTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tcp 203.0.113.5:40000 -> 10.45.16.10:5061|tcp 203.0.113.5:40000 -> 10.45.16.10:5061",
            "  TCP   203.0.113.5:40000->10.45.16.10:5061  |tcp 203.0.113.5:40000 -> 10.45.16.10:5061",
            "udp [2001:db8::1]:5000 -> [2001:db8::2]:3478|udp [2001:db8::1]:5000 -> [2001:db8::2]:3478",
            "icmp 192.0.2.1 -> 10.0.0.1|icmp 192.0.2.1 -> 10.0.0.1",
            "icmpv6 2001:db8::1 -> 2001:db8::2|icmpv6 2001:db8::1 -> 2001:db8::2",
            "47 192.0.2.1 -> 10.0.0.1|gre 192.0.2.1 -> 10.0.0.1",
            "sctp 192.0.2.1:1 -> 10.0.0.1:65535|132 192.0.2.1:1 -> 10.0.0.1:65535"})
    void readsAndWritesBack(String text, String written) {
        assertEquals(written, Packet.parse(text).text());
    }

    @Test
    void isOnePacketAsASet() {
        Packet p = Packet.parse("tcp 203.0.113.5:40000 -> 10.45.16.10:5061");
        assertEquals(java.math.BigInteger.ONE, p.toSet().size());
        assertTrue(p.toSet().contains(p));
        // a protocol without ports says nothing about them
        PacketSet icmp = Packet.parse("icmp 192.0.2.1 -> 10.0.0.1").toSet();
        assertEquals(Ports.ALL, icmp.boxes().get(0).destinationPorts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tcp 203.0.113.5 -> 10.45.16.10:5061|needs a source and a destination port",
            "tcp 203.0.113.5:40000 10.45.16.10:5061|is not a packet",
            "frob 203.0.113.5:1 -> 10.45.16.10:2|unknown protocol 'frob'",
            "tcp 203.0.113.5:70000 -> 10.45.16.10:5061|port 70000 is outside 0-65535",
            "tcp 10.0.0.0/24:1 -> 10.45.16.10:5061|'10.0.0.0/24' is not one address",
            "icmp 192.0.2.1:3 -> 10.0.0.1|has no ports",
            "tcp 192.0.2.1:1 -> [2001:db8::2]:443|different address families",
            "tcp 300.1.1.1:1 -> 10.0.0.1:2|300.1.1.1"})
    void refusesWithAReason(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Packet.parse(text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
