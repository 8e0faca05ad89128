package io.lyncaudit.model;

import java.math.BigInteger;

/** Unsigned 128-bit arithmetic on (hi, lo) long pairs: the key space of every interval set. */
final class U128 {
    private U128() {}

    static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compareUnsigned(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    static BigInteger toBig(long hi, long lo) {
        BigInteger h = new BigInteger(Long.toUnsignedString(hi));
        return h.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    static long hiOf(BigInteger v) {
        return v.shiftRight(64).longValue();
    }

    static long loOf(BigInteger v) {
        return v.longValue();
    }
}
