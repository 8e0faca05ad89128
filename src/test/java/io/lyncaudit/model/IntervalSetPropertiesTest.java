package io.lyncaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The interval algebra against a brute-force oracle on a small universe, and at the 64/128-bit edges. */
class IntervalSetPropertiesTest {

    /** Offsets near the interesting carries: 0, 2^64 and 2^128. */
    private static final BigInteger[] BASES = {
        BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.valueOf(20)),
        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.valueOf(40))
    };

    record Sample(BigInteger base, List<int[]> a, List<int[]> b) {}

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<int[]> interval = Arbitraries.integers().between(0, 39).tuple2()
                .map(t -> new int[] {Math.min(t.get1(), t.get2()), Math.max(t.get1(), t.get2())});
        Arbitrary<List<int[]>> list = interval.list().ofMaxSize(5);
        return net.jqwik.api.Combinators.combine(Arbitraries.of(BASES), list, list).as(Sample::new);
    }

    private static IntervalSet build(BigInteger base, List<int[]> ivs) {
        IntervalSet s = IntervalSet.EMPTY;
        for (int[] iv : ivs) {
            s = s.union(IntervalSet.of(base.add(BigInteger.valueOf(iv[0])), base.add(BigInteger.valueOf(iv[1]))));
        }
        return s;
    }

    private static TreeSet<Integer> members(List<int[]> ivs) {
        TreeSet<Integer> m = new TreeSet<>();
        for (int[] iv : ivs) for (int i = iv[0]; i <= iv[1]; i++) m.add(i);
        return m;
    }

    private static TreeSet<Integer> members(BigInteger base, IntervalSet s) {
        TreeSet<Integer> m = new TreeSet<>();
        for (BigInteger[] iv : s.intervals()) {
            for (BigInteger v = iv[0]; v.compareTo(iv[1]) <= 0; v = v.add(BigInteger.ONE)) {
                m.add(v.subtract(base).intValueExact());
            }
        }
        return m;
    }

    private static void assertCanonical(IntervalSet s) {
        List<BigInteger[]> ivs = s.intervals();
        for (int i = 0; i < ivs.size(); i++) {
            assertTrue(ivs.get(i)[0].compareTo(ivs.get(i)[1]) <= 0, "start <= end");
            if (i > 0) {
                assertTrue(ivs.get(i - 1)[1].add(BigInteger.ONE).compareTo(ivs.get(i)[0]) < 0, "disjoint and not adjacent: " + s);
            }
        }
    }

    @Property(tries = 400)
    void unionIntersectSubtractMatchSets(@ForAll("samples") Sample s) {
        IntervalSet a = build(s.base(), s.a()), b = build(s.base(), s.b());
        TreeSet<Integer> ma = members(s.a()), mb = members(s.b());

        TreeSet<Integer> u = new TreeSet<>(ma);
        u.addAll(mb);
        TreeSet<Integer> i = new TreeSet<>(ma);
        i.retainAll(mb);
        TreeSet<Integer> d = new TreeSet<>(ma);
        d.removeAll(mb);

        for (IntervalSet r : List.of(a.union(b), a.intersect(b), a.subtract(b))) assertCanonical(r);
        assertEquals(u, members(s.base(), a.union(b)));
        assertEquals(i, members(s.base(), a.intersect(b)));
        assertEquals(d, members(s.base(), a.subtract(b)));
        assertEquals(!i.isEmpty(), a.intersects(b));
        assertEquals(mb.containsAll(ma), b.containsAll(a));
        assertEquals(BigInteger.valueOf(ma.size()), a.size());
        for (int v = 0; v < 40; v++) {
            BigInteger x = s.base().add(BigInteger.valueOf(v));
            assertEquals(ma.contains(v), a.contains(U128.hiOf(x), U128.loOf(x)), "contains " + v);
        }
    }

    @Property(tries = 200)
    void boxSubtractionIsExactAndDisjoint(@ForAll("samples") Sample s, @ForAll("samples") Sample t) {
        PacketBox a = new PacketBox(Protocols.TCP_UDP, build(s.base(), s.a()).union(IntervalSet.point(1)),
                Addresses.ALL, Ports.ALL, build(BigInteger.ZERO, s.b()).union(IntervalSet.point(7)));
        PacketBox b = new PacketBox(Protocols.TCP_SET, build(s.base(), t.a()).union(IntervalSet.point(3)),
                Addresses.ALL, Ports.ALL, build(BigInteger.ZERO, t.b()).union(IntervalSet.point(9)));
        List<PacketBox> diff = a.subtract(b);
        BigInteger total = BigInteger.ZERO;
        for (int x = 0; x < diff.size(); x++) {
            total = total.add(diff.get(x).size());
            assertTrue(!diff.get(x).intersects(b), "difference piece overlaps the subtrahend");
            for (int y = x + 1; y < diff.size(); y++) assertTrue(!diff.get(x).intersects(diff.get(y)), "pieces overlap");
        }
        PacketBox common = a.intersect(b);
        BigInteger expected = a.size().subtract(common == null ? BigInteger.ZERO : common.size());
        assertEquals(expected, total);
    }

    @Property(tries = 100)
    void packetSetUnionSizeIsInclusionExclusion(@ForAll("samples") Sample s) {
        List<PacketBox> boxes = new ArrayList<>();
        for (int[] iv : s.a()) boxes.add(PacketBox.of(Protocols.TCP_SET, Addresses.ALL, Addresses.ALL, IntervalSet.of(iv[0], iv[1])));
        PacketSet set = PacketSet.union(boxes);
        TreeSet<Integer> ports = members(s.a());
        assertEquals(Addresses.ALL.size().multiply(Addresses.ALL.size()).multiply(Ports.ALL.size())
                .multiply(BigInteger.valueOf(ports.size())), set.size());
    }
}
