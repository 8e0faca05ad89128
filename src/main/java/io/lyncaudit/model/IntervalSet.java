package io.lyncaudit.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of unsigned 128-bit integers kept as sorted, disjoint, non-adjacent closed
 * intervals. Ports, protocol numbers and addresses are all sets of this kind, so the set algebra
 * is written once.
 */
public final class IntervalSet {
    /** Interval i occupies b[4i..4i+3] = start.hi, start.lo, end.hi, end.lo (inclusive). */
    private final long[] b;
    private final int n;

    public static final IntervalSet EMPTY = new IntervalSet(new long[0], 0);

    private IntervalSet(long[] b, int n) {
        this.b = b;
        this.n = n;
    }

    public static IntervalSet of(long start, long end) {
        return of(0, start, 0, end);
    }

    public static IntervalSet of(long sh, long sl, long eh, long el) {
        if (U128.compare(sh, sl, eh, el) > 0) {
            throw new IllegalArgumentException("interval start after end");
        }
        return new IntervalSet(new long[] {sh, sl, eh, el}, 1);
    }

    public static IntervalSet of(BigInteger start, BigInteger end) {
        return of(U128.hiOf(start), U128.loOf(start), U128.hiOf(end), U128.loOf(end));
    }

    public static IntervalSet point(long v) {
        return of(v, v);
    }

    public int intervalCount() {
        return n;
    }

    public boolean isEmpty() {
        return n == 0;
    }

    public long startHi(int i) { return b[4 * i]; }
    public long startLo(int i) { return b[4 * i + 1]; }
    public long endHi(int i) { return b[4 * i + 2]; }
    public long endLo(int i) { return b[4 * i + 3]; }

    public BigInteger start(int i) { return U128.toBig(b[4 * i], b[4 * i + 1]); }
    public BigInteger end(int i) { return U128.toBig(b[4 * i + 2], b[4 * i + 3]); }

    /** Start and end of interval i for sets whose values fit in a long (ports, protocols). */
    public long startLong(int i) { return b[4 * i + 1]; }
    public long endLong(int i) { return b[4 * i + 3]; }

    public boolean contains(long hi, long lo) {
        int lo_ = 0, hi_ = n - 1;
        while (lo_ <= hi_) {
            int m = (lo_ + hi_) >>> 1;
            if (U128.compare(b[4 * m + 2], b[4 * m + 3], hi, lo) < 0) {
                lo_ = m + 1;
            } else if (U128.compare(b[4 * m], b[4 * m + 1], hi, lo) > 0) {
                hi_ = m - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public boolean contains(long v) {
        return contains(0, v);
    }

    /** Number of members, exact. */
    public BigInteger size() {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.add(end(i).subtract(start(i))).add(BigInteger.ONE);
        }
        return s;
    }

    public IntervalSet union(IntervalSet o) {
        if (o.n == 0) return this;
        if (n == 0) return o;
        Builder out = new Builder(n + o.n);
        int i = 0, j = 0;
        while (i < n || j < o.n) {
            boolean takeMine;
            if (i == n) takeMine = false;
            else if (j == o.n) takeMine = true;
            else takeMine = U128.compare(b[4 * i], b[4 * i + 1], o.b[4 * j], o.b[4 * j + 1]) <= 0;
            if (takeMine) {
                out.addMerging(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
                i++;
            } else {
                out.addMerging(o.b[4 * j], o.b[4 * j + 1], o.b[4 * j + 2], o.b[4 * j + 3]);
                j++;
            }
        }
        return out.build();
    }

    public IntervalSet intersect(IntervalSet o) {
        if (n == 0 || o.n == 0) return EMPTY;
        Builder out = new Builder(Math.max(n, o.n));
        int i = 0, j = 0;
        while (i < n && j < o.n) {
            long sh, sl, eh, el;
            if (U128.compare(b[4 * i], b[4 * i + 1], o.b[4 * j], o.b[4 * j + 1]) >= 0) {
                sh = b[4 * i]; sl = b[4 * i + 1];
            } else {
                sh = o.b[4 * j]; sl = o.b[4 * j + 1];
            }
            boolean mineEndsFirst = U128.compare(b[4 * i + 2], b[4 * i + 3], o.b[4 * j + 2], o.b[4 * j + 3]) <= 0;
            if (mineEndsFirst) {
                eh = b[4 * i + 2]; el = b[4 * i + 3];
            } else {
                eh = o.b[4 * j + 2]; el = o.b[4 * j + 3];
            }
            if (U128.compare(sh, sl, eh, el) <= 0) {
                out.addMerging(sh, sl, eh, el);
            }
            if (mineEndsFirst) i++; else j++;
        }
        return out.build();
    }

    public boolean intersects(IntervalSet o) {
        int i = 0, j = 0;
        while (i < n && j < o.n) {
            // compare end of one with start of the other
            if (U128.compare(b[4 * i + 2], b[4 * i + 3], o.b[4 * j], o.b[4 * j + 1]) < 0) {
                i++;
            } else if (U128.compare(o.b[4 * j + 2], o.b[4 * j + 3], b[4 * i], b[4 * i + 1]) < 0) {
                j++;
            } else {
                return true;
            }
        }
        return false;
    }

    public IntervalSet subtract(IntervalSet o) {
        if (n == 0 || o.n == 0) return this;
        if (!intersects(o)) return this;
        Builder out = new Builder(n + o.n);
        int j = 0;
        for (int i = 0; i < n; i++) {
            long ch = b[4 * i], cl = b[4 * i + 1];
            long eh = b[4 * i + 2], el = b[4 * i + 3];
            boolean open = true;
            while (j < o.n && U128.compare(o.b[4 * j + 2], o.b[4 * j + 3], ch, cl) < 0) j++;
            int k = j;
            while (open && k < o.n && U128.compare(o.b[4 * k], o.b[4 * k + 1], eh, el) <= 0) {
                // o interval k overlaps [c, e]
                long osh = o.b[4 * k], osl = o.b[4 * k + 1];
                if (U128.compare(osh, osl, ch, cl) > 0) {
                    // keep [c, os-1]
                    long ph = osl == 0 ? osh - 1 : osh;
                    long pl = osl - 1;
                    out.addMerging(ch, cl, ph, pl);
                }
                long oeh = o.b[4 * k + 2], oel = o.b[4 * k + 3];
                if (U128.compare(oeh, oel, eh, el) >= 0) {
                    open = false;
                } else {
                    // c = oe + 1
                    cl = oel + 1;
                    ch = cl == 0 ? oeh + 1 : oeh;
                    k++;
                }
            }
            if (open) out.addMerging(ch, cl, eh, el);
        }
        return out.build();
    }

    public boolean containsAll(IntervalSet o) {
        return o.subtract(this).isEmpty();
    }

    /** The smallest member; the set must not be empty. */
    public BigInteger first() {
        return start(0);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof IntervalSet o) || o.n != n) return false;
        for (int i = 0; i < 4 * n; i++) {
            if (b[i] != o.b[i]) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = n;
        for (int i = 0; i < 4 * n; i++) h = 31 * h + Long.hashCode(b[i]);
        return h;
    }

    /** Intervals as BigInteger pairs, for rendering and tests. */
    public List<BigInteger[]> intervals() {
        List<BigInteger[]> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(new BigInteger[] {start(i), end(i)});
        return l;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if (i > 0) s.append(", ");
            s.append(start(i));
            if (!start(i).equals(end(i))) s.append('-').append(end(i));
        }
        return s.append('}').toString();
    }

    /** Builds a set from intervals given in ascending start order, merging overlaps and neighbours. */
    public static final class Builder {
        private long[] a;
        private int m;

        public Builder(int capacity) {
            a = new long[4 * Math.max(1, capacity)];
        }

        public Builder() {
            this(4);
        }

        void addMerging(long sh, long sl, long eh, long el) {
            if (m > 0) {
                long ph = a[4 * (m - 1) + 2], pl = a[4 * (m - 1) + 3];
                // adjacent or overlapping: start <= prevEnd + 1
                boolean prevIsMax = ph == -1L && pl == -1L;
                long nh = pl == -1L ? ph + 1 : ph;
                long nl = pl + 1;
                if (prevIsMax || U128.compare(sh, sl, nh, nl) <= 0) {
                    if (U128.compare(eh, el, ph, pl) > 0) {
                        a[4 * (m - 1) + 2] = eh;
                        a[4 * (m - 1) + 3] = el;
                    }
                    return;
                }
            }
            if (4 * (m + 1) > a.length) a = Arrays.copyOf(a, a.length * 2);
            a[4 * m] = sh;
            a[4 * m + 1] = sl;
            a[4 * m + 2] = eh;
            a[4 * m + 3] = el;
            m++;
        }

        public IntervalSet build() {
            if (m == 0) return EMPTY;
            return new IntervalSet(m * 4 == a.length ? a : Arrays.copyOf(a, 4 * m), m);
        }
    }

    /** Union of arbitrary intervals, in any order; pairwise, so that many small sets cost n log n, not n squared. */
    public static IntervalSet unionOf(List<IntervalSet> sets) {
        if (sets.isEmpty()) return EMPTY;
        List<IntervalSet> cur = sets;
        while (cur.size() > 1) {
            List<IntervalSet> next = new java.util.ArrayList<>((cur.size() + 1) / 2);
            for (int i = 0; i + 1 < cur.size(); i += 2) next.add(cur.get(i).union(cur.get(i + 1)));
            if (cur.size() % 2 == 1) next.add(cur.get(cur.size() - 1));
            cur = next;
        }
        return cur.get(0);
    }
}
