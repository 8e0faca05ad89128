package io.lyncaudit.analysis;

import io.lyncaudit.finding.Severity;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Decision;

/**
 * Fact: traffic to or from a Lync address that one permitting rule lets through and no
 * requirement of the deployment justifies.
 */
public record Exposure(String firewall, Decision permit, PacketSet unjustified, Severity severity, String uncertainty,
                       IntervalSet lyncAddresses) {

    /** True when the permitting decision depends on a rule the importer could not model exactly. */
    public boolean uncertain() {
        return uncertainty != null;
    }

    /** The part of this exposure that carries the coverage's required service the wrong way, and how; null if none. */
    public Misdirection misdirects(Coverage c) {
        if (!c.isMissing() || !c.firewall().equals(firewall)) return null;
        PacketSet part = unjustified.intersect(transform(c.required(), Kind.WRONG_TRANSPORT, null));
        if (!part.isEmpty()) return new Misdirection(c, this, Kind.WRONG_TRANSPORT, part);
        part = unjustified.intersect(transform(c.required(), Kind.SWAPPED, null));
        if (!part.isEmpty()) return new Misdirection(c, this, Kind.SWAPPED, part);
        part = unjustified.intersect(transform(c.required(), Kind.WRONG_DESTINATION, lyncAddresses));
        if (!part.isEmpty()) return new Misdirection(c, this, Kind.WRONG_DESTINATION, part);
        part = unjustified.intersect(transform(c.required(), Kind.WRONG_SOURCE, lyncAddresses));
        if (!part.isEmpty()) return new Misdirection(c, this, Kind.WRONG_SOURCE, part);
        return null;
    }

    /** True when {@link #misdirects} finds something; for rule conditions. */
    public boolean explains(Coverage c) {
        return misdirects(c) != null;
    }

    /** The ways a required service can be opened wrongly. */
    public enum Kind {
        WRONG_TRANSPORT("with the wrong transport"),
        SWAPPED("with source and destination swapped"),
        WRONG_DESTINATION("to the wrong address"),
        WRONG_SOURCE("from the wrong address");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private static PacketSet transform(PacketSet required, Kind kind, IntervalSet lync) {
        PacketSet out = PacketSet.EMPTY;
        for (PacketBox b : required.boxes()) {
            PacketSet t = switch (kind) {
                case WRONG_TRANSPORT -> {
                    var flipped = b.protocols().contains(Protocols.TCP) ? Protocols.UDP_SET
                            : b.protocols().contains(Protocols.UDP) ? Protocols.TCP_SET : null;
                    yield flipped == null ? PacketSet.EMPTY
                            : PacketSet.of(new PacketBox(flipped, b.sources(), b.destinations(), b.sourcePorts(), b.destinationPorts()));
                }
                case SWAPPED -> PacketSet.of(new PacketBox(b.protocols(), b.destinations(), b.sources(), b.sourcePorts(), b.destinationPorts()));
                case WRONG_DESTINATION -> PacketSet.of(new PacketBox(b.protocols(), b.sources(),
                        lync.subtract(b.destinations()), b.sourcePorts(), b.destinationPorts()));
                case WRONG_SOURCE -> PacketSet.of(new PacketBox(b.protocols(), lync.subtract(b.sources()),
                        b.destinations(), b.sourcePorts(), b.destinationPorts()));
            };
            out = out.union(t);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
