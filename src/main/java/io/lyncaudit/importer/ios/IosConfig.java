package io.lyncaudit.importer.ios;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The raw IOS model: ACLs, object-groups and interface bindings, references still by name. */
final class IosConfig {

    /** An address operand: literal addresses, a network object-group, or an address with a wildcard that is not modelled. */
    sealed interface Addr permits AddrLiteral, AddrGroup, AddrHull {}

    record AddrLiteral(IntervalSet addresses) implements Addr {}

    /** A non-contiguous wildcard: the addresses it matches are some of {@code hull}. */
    record AddrHull(IntervalSet hull, String why) implements Addr {}

    record AddrGroup(String name) implements Addr {}

    /**
     * Protocols with source and destination ports (everything for portless protocols); {@code broader}
     * says why the device matches only part of it (ICMP types read as every type), or is null.
     */
    record Svc(IntervalSet protocols, IntervalSet sourcePorts, IntervalSet destinationPorts, String broader) {
        Svc(IntervalSet protocols, IntervalSet sourcePorts, IntervalSet destinationPorts) {
            this(protocols, sourcePorts, destinationPorts, null);
        }
    }

    /** The protocol operand: literal, or a service object-group (which then carries the ports). */
    sealed interface Proto permits ProtoLiteral, ProtoGroup {}

    record ProtoLiteral(IntervalSet protocols) implements Proto {}

    record ProtoGroup(String name) implements Proto {}

    /**
     * One ACL entry; {@code established} entries match return traffic only. {@code unsupported}
     * says what is read broader than the device matches (time-range, TCP flags, ...).
     * {@code reflect} names the reflexive list the entry fills. {@code placeholder} says why the
     * device matches at most part of the entry as read, maybe none of it (a dynamic entry, or one
     * whose operands could not be read: then {@code proto} is null). {@code evaluate} names the
     * reflexive list the entry evaluates (its operands are null).
     */
    record Entry(int line, Action action, Proto proto, Addr src, IntervalSet srcPorts, Addr dst, IntervalSet dstPorts,
                 boolean established, String unsupported, String reflect, String placeholder, String evaluate) {

        /**
         * Only the action could be read ({@code reason} says why the rest could not); {@code reflect}
         * is the list the line names after "reflect", if any.
         */
        static Entry unreadable(int line, Action action, String reason, String reflect) {
            return new Entry(line, action, null, null, null, null, null, false, null, reflect, reason, null);
        }

        /** {@code evaluate LIST}: permits what the reflexive list holds at run time. */
        static Entry evaluate(int line, String list) {
            return new Entry(line, Action.PERMIT, null, null, null, null, null, false, null, null, null, list);
        }

        Entry asPlaceholder(String reason) {
            return new Entry(line, action, proto, src, srcPorts, dst, dstPorts, established, unsupported, reflect, reason, evaluate);
        }
    }

    /** A network or service object-group: literal members and nested group names. */
    static final class Group {
        final String name;
        final boolean network;
        final int line;
        final List<IntervalSet> addresses = new ArrayList<>();
        final List<Svc> services = new ArrayList<>();
        final List<String> nested = new ArrayList<>();
        final List<Integer> nestedLines = new ArrayList<>();
        /** Every line of the group read into it (its opening and members): the conversion gives them their verdict. */
        final List<Integer> lines = new ArrayList<>();
        /** Members read broader than the device matches (ICMP types), by line: unsupported if the group is used. */
        final Map<Integer, String> broaderLines = new LinkedHashMap<>();

        Group(String name, boolean network, int line) {
            this.name = name;
            this.network = network;
            this.line = line;
        }
    }

    /** {@code ip access-group ACL in|out}, or {@code ipv6 traffic-filter ACL in|out} ({@code ipv6}), inside an interface block. */
    record AccessGroup(String acl, Binding binding, int line, boolean ipv6) {}

    /** IPv4 access lists, named and numbered, by name. */
    final Map<String, List<Entry>> acls = new LinkedHashMap<>();
    /** IPv6 access lists by name: a namespace of their own. */
    final Map<String, List<Entry>> acls6 = new LinkedHashMap<>();
    /** The line of each {@code ipv6 access-list NAME}: where its implicit entries are stated. */
    final Map<String, Integer> acl6Lines = new LinkedHashMap<>();
    /**
     * Every line of each IPv4 access list (its opening, remarks, entries), by name: an access list
     * bound to no interface filters nothing, and the conversion says so on each of them.
     */
    final Map<String, List<Integer>> aclLines = new LinkedHashMap<>();
    /** The same for the IPv6 access lists. */
    final Map<String, List<Integer>> ipv6AclLines = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    /** Object-groups of types that are not modelled, by name: their type. */
    final Map<String, String> unmodelled = new LinkedHashMap<>();
    final List<AccessGroup> accessGroups = new ArrayList<>();
}
