package io.lyncaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
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

    /** The formatting on longs gives what the BigInteger reading of an interval gives, across the 64-bit halves. */
    @Test
    void formatsIntervalsLikeTheBigIntegerReference() {
        BigInteger two64 = BigInteger.ONE.shiftLeft(64), top = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        BigInteger v4 = BigInteger.valueOf(0xFFFF_0000_0000L);
        BigInteger[][] edges = {{BigInteger.ZERO, two64.subtract(BigInteger.ONE)}, {two64, two64.shiftLeft(1).subtract(BigInteger.ONE)},
                {BigInteger.ZERO, top.shiftRight(1)}, {top.shiftRight(1).add(BigInteger.ONE), top}, {BigInteger.ONE, top},
                {BigInteger.ZERO, top.subtract(BigInteger.ONE)}, {two64.subtract(BigInteger.ONE), two64},
                {v4, v4.add(BigInteger.valueOf(255))}, {v4.add(BigInteger.ONE), v4.add(BigInteger.valueOf(256))},
                {v4, v4.add(BigInteger.valueOf(0xFFFF_FFFFL)).subtract(BigInteger.ONE)}, {v4.subtract(BigInteger.ONE), v4}};
        for (BigInteger[] e : edges) assertEquals(reference(e[0], e[1]), Addresses.format(IntervalSet.of(e[0], e[1])), e[0] + "-" + e[1]);
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int bits = 1 + r.nextInt(128);
            BigInteger size = r.nextBoolean() ? BigInteger.ONE.shiftLeft(r.nextInt(bits)) : new BigInteger(r.nextInt(bits) + 1, r).add(BigInteger.ONE);
            BigInteger a = new BigInteger(128, r);
            if (r.nextBoolean()) a = a.shiftRight(bits).shiftLeft(bits);
            if (i % 3 == 0) a = v4.add(BigInteger.valueOf(r.nextInt() & 0xFFFF_FFFFL).shiftRight(r.nextInt(32)).shiftLeft(r.nextInt(8)));
            BigInteger b = a.add(size).subtract(BigInteger.ONE).min(top);
            IntervalSet s = IntervalSet.of(a, b);
            if (s.equals(Addresses.ALL) || s.equals(Addresses.ALL_V4) || s.equals(Addresses.ALL_V6)) continue;
            assertEquals(reference(a, b), Addresses.format(s), a + "-" + b);
        }
    }

    /** The former BigInteger implementation of one interval's rendering. */
    private static String reference(BigInteger a, BigInteger b) {
        if (a.equals(b)) return Addresses.formatPoint(a);
        BigInteger size = b.subtract(a).add(BigInteger.ONE);
        if (size.bitCount() == 1 && a.mod(size).signum() == 0) {
            int hostBits = size.bitLength() - 1;
            boolean v4 = Addresses.isV4(U128.hiOf(a), U128.loOf(a)) && hostBits <= 32;
            return Addresses.formatPoint(a) + "/" + ((v4 ? 32 : 128) - hostBits);
        }
        return Addresses.formatPoint(a) + "-" + Addresses.formatPoint(b);
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
