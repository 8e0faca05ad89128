package io.lyncaudit.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable union of packet boxes. Boxes inside one set are pairwise disjoint, so sizes add up
 * and a difference never double-counts.
 */
public final class PacketSet {
    public static final PacketSet EMPTY = new PacketSet(List.of());
    public static final PacketSet ALL = new PacketSet(List.of(PacketBox.ALL));

    /** Every IPv4 packet: source and destination both IPv4. */
    public static final PacketSet IPV4 = new PacketSet(List.of(
            new PacketBox(Protocols.ALL, Addresses.ALL_V4, Addresses.ALL_V4, Ports.ALL, Ports.ALL)));

    /** Every IPv6 packet: source and destination both IPv6 (not IPv4-mapped). */
    public static final PacketSet IPV6 = new PacketSet(List.of(
            new PacketBox(Protocols.ALL, Addresses.ALL_V6, Addresses.ALL_V6, Ports.ALL, Ports.ALL)));

    /**
     * Every packet whose source and destination are of one address family: IPv4 to IPv4 or IPv6 to
     * IPv6. A query built from address sets that mix families ("any" to an IPv4 server) must be cut
     * to this, or an IPv4-only policy would seem to deny IPv6 sources that cannot exist.
     */
    public static final PacketSet SAME_FAMILY = IPV4.unionDisjoint(IPV6);

    private final List<PacketBox> boxes;

    private PacketSet(List<PacketBox> disjointBoxes) {
        this.boxes = disjointBoxes;
    }

    public static PacketSet of(PacketBox box) {
        return box.isEmpty() ? EMPTY : new PacketSet(List.of(box));
    }

    /** Union of boxes that may overlap. */
    public static PacketSet union(List<PacketBox> boxes) {
        PacketSet r = EMPTY;
        for (PacketBox b : boxes) r = r.union(of(b));
        return r;
    }

    public List<PacketBox> boxes() {
        return Collections.unmodifiableList(boxes);
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    public PacketSet union(PacketSet o) {
        if (o.isEmpty() || o == this) return this;
        if (isEmpty()) return o;
        List<PacketBox> out = new ArrayList<>(boxes);
        out.addAll(o.subtract(this).boxes);
        return new PacketSet(out);
    }

    /** Union with a set known to be disjoint from this one (no overlap check: the caller guarantees it). */
    public PacketSet unionDisjoint(PacketSet o) {
        if (o.isEmpty()) return this;
        if (isEmpty()) return o;
        List<PacketBox> out = new ArrayList<>(boxes.size() + o.boxes.size());
        out.addAll(boxes);
        out.addAll(o.boxes);
        return new PacketSet(out);
    }

    public PacketSet intersect(PacketSet o) {
        if (isEmpty() || o.isEmpty()) return EMPTY;
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox a : boxes) {
            for (PacketBox b : o.boxes) {
                PacketBox c = a.intersect(b);
                if (c != null) out.add(c);
            }
        }
        return out.isEmpty() ? EMPTY : new PacketSet(out);
    }

    public PacketSet intersect(PacketBox b) {
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox a : boxes) {
            PacketBox c = a.intersect(b);
            if (c != null) out.add(c);
        }
        return out.isEmpty() ? EMPTY : new PacketSet(out);
    }

    public boolean intersects(PacketBox b) {
        for (PacketBox a : boxes) {
            if (a.intersects(b)) return true;
        }
        return false;
    }

    public boolean intersects(PacketSet o) {
        for (PacketBox b : o.boxes) {
            if (intersects(b)) return true;
        }
        return false;
    }

    public PacketSet subtract(PacketBox b) {
        if (!intersects(b)) return this;
        List<PacketBox> out = new ArrayList<>(boxes.size() + 4);
        for (PacketBox a : boxes) out.addAll(a.subtract(b));
        return out.isEmpty() ? EMPTY : new PacketSet(out);
    }

    public PacketSet subtract(PacketSet o) {
        PacketSet r = this;
        for (PacketBox b : o.boxes) {
            if (r.isEmpty()) break;
            r = r.subtract(b);
        }
        return r;
    }

    public boolean containsAll(PacketSet o) {
        return o.subtract(this).isEmpty();
    }

    public boolean contains(Packet p) {
        for (PacketBox b : boxes) {
            if (b.contains(p)) return true;
        }
        return false;
    }

    public BigInteger size() {
        BigInteger s = BigInteger.ZERO;
        for (PacketBox b : boxes) s = s.add(b.size());
        return s;
    }

    /** Union of every box's protocols, sources, ... : the smallest box holding the whole set. */
    public PacketBox bounds() {
        if (boxes.size() == 1) return boxes.get(0);
        IntervalSet p = IntervalSet.EMPTY, s = IntervalSet.EMPTY, d = IntervalSet.EMPTY, sp = IntervalSet.EMPTY, dp = IntervalSet.EMPTY;
        for (PacketBox b : boxes) {
            p = p.union(b.protocols());
            s = s.union(b.sources());
            d = d.union(b.destinations());
            sp = sp.union(b.sourcePorts());
            dp = dp.union(b.destinationPorts());
        }
        return new PacketBox(p, s, d, sp, dp);
    }

    public Packet witness() {
        return boxes.isEmpty() ? null : boxes.get(0).witness();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        return o instanceof PacketSet other && containsAll(other) && other.containsAll(this);
    }

    @Override
    public int hashCode() {
        return size().hashCode();
    }

    @Override
    public String toString() {
        return boxes.toString();
    }
}
