package io.lyncaudit.importer.asa;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw ASA model: what the running-config says, with references still by name. The parser
 * fills it; {@link AsaConversions} resolves it into the neutral policy.
 */
final class AsaConfig {

    /** Kinds of objects and object-groups. */
    enum Kind { NETWORK_OBJECT, SERVICE_OBJECT, NETWORK_GROUP, SERVICE_GROUP, PORT_GROUP, PROTOCOL_GROUP, ICMP_GROUP }

    /** A member of a network object or group. */
    sealed interface NetItem permits NetLiteral, NetRef, NetFqdn {
        int line();
    }

    /** Literal addresses (host, subnet, range). */
    record NetLiteral(int line, IntervalSet addresses) implements NetItem {}

    /** A reference to an object ({@code group == false}) or object-group. */
    record NetRef(int line, String name, boolean group) implements NetItem {}

    /** {@code fqdn [v4|v6] NAME}: resolved by the ASA at run time, so any address of {@code family} it might resolve to. */
    record NetFqdn(int line, String fqdn, IntervalSet family) implements NetItem {}

    /** A member of a service, port, protocol or icmp-type object or group. */
    sealed interface SvcItem permits SvcLiteral, SvcRef {
        int line();
    }

    /**
     * Protocols with source and destination ports (ports are everything for portless protocols).
     * {@code broader} says why the device matches only part of it (e.g. ICMP types read as every type), or is null.
     */
    record SvcLiteral(int line, IntervalSet protocols, IntervalSet sourcePorts, IntervalSet destinationPorts, String broader)
            implements SvcItem {
        SvcLiteral(int line, IntervalSet protocols, IntervalSet sourcePorts, IntervalSet destinationPorts) {
            this(line, protocols, sourcePorts, destinationPorts, null);
        }
    }

    /** A reference to a service object ({@code group == false}) or object-group. */
    record SvcRef(int line, String name, boolean group) implements SvcItem {}

    /** An object or object-group with its members. */
    static final class Named {
        final String name;
        final Kind kind;
        final int line;
        final List<NetItem> nets = new ArrayList<>();
        final List<SvcItem> svcs = new ArrayList<>();
        /**
         * The lines whose verdict depends on whether the object is used: every opening of it and
         * each member read into {@code nets} or {@code svcs}. The conversion gives them their verdict.
         */
        final List<Integer> lines = new ArrayList<>();
        /** For typed service groups: tcp, udp or tcp-udp. */
        IntervalSet portProtocols;

        Named(String name, Kind kind, int line) {
            this.name = name;
            this.kind = kind;
            this.line = line;
        }

        boolean isGroup() {
            return kind != Kind.NETWORK_OBJECT && kind != Kind.SERVICE_OBJECT;
        }
    }

    /** An address operand of an ACL or NAT statement. */
    sealed interface Addr permits AddrLiteral, AddrIface, AddrRef {}

    record AddrLiteral(IntervalSet addresses) implements Addr {}

    /** {@code interface IF}: the interface's own address. */
    record AddrIface(String nameif) implements Addr {}

    record AddrRef(String name, boolean group) implements Addr {}

    /** The protocol operand: literal protocols, or a service/protocol object or group. */
    sealed interface Proto permits ProtoLiteral, ProtoRef {}

    record ProtoLiteral(IntervalSet protocols) implements Proto {}

    record ProtoRef(String name, boolean group) implements Proto {}

    /** A port operand: literal ports or a port group; null in an entry means any port. */
    sealed interface PortSpec permits PortLiteral, PortGroup {}

    record PortLiteral(IntervalSet ports) implements PortSpec {}

    record PortGroup(String name) implements PortSpec {}

    /**
     * One {@code access-list NAME extended} entry. {@code conditions} are identity or TrustSec
     * operands that restrict it further and are not modelled. {@code unreadable} is set (and the
     * operands are null) when only the ACL name and the action could be read: it says why.
     */
    record AclEntry(String acl, int line, Action action, Proto proto, Addr src, PortSpec srcPorts, Addr dst,
                    PortSpec dstPorts, boolean icmpType, boolean inactive, String timeRange, List<String> conditions,
                    String unreadable) {

        /** An entry whose action is known and nothing else: kept so that its position and action are not lost. */
        static AclEntry unreadable(String acl, int line, Action action, String reason) {
            return new AclEntry(acl, line, action, null, null, null, null, null, false, false, null, List.of(), reason);
        }
    }

    /**
     * {@code access-group}: an ACL bound to an interface and direction, or global when {@code binding} is null;
     * {@code perUserOverride}: downloaded per-user ACLs replace it for authenticated users' traffic.
     */
    record AccessGroup(String acl, Binding binding, int line, boolean perUserOverride) {}

    /** An interface block. */
    static final class Iface {
        final String hardware;
        final int line;
        String nameif;
        int nameifLine;
        Integer level;
        int levelLine;
        IntervalSet address = IntervalSet.EMPTY;
        /** Addresses learned at run time (dhcp, pppoe, autoconfig): the families they may come from. */
        IntervalSet learned = IntervalSet.EMPTY;

        Iface(String hardware, int line) {
            this.hardware = hardware;
            this.line = line;
        }
    }

    /** A static NAT (object NAT inside an object network, or twice NAT): mapped addresses reach real ones. */
    /**
     * One direction of a static translation: packets that arrive on {@code arrivesOn} ("any" for
     * every interface) addressed to {@code mapped}, from {@code peer} (null: any source), are sent
     * on to {@code real}. {@code section} is the NAT table section: 1 manual (twice) NAT, 2 object
     * NAT, 3 manual NAT after-auto. {@code service}: object NAT's {@code service PROTO REAL MAPPED},
     * limiting the translation to that protocol and mapped port and translating it to the real one;
     * null for a translation of every port. {@code ported}: a twice NAT {@code service} clause (service
     * objects), which is not modelled.
     */
    record StaticNat(int line, Addr real, Addr mapped, String arrivesOn, Addr peer, int section, NatService service, boolean ported) {}

    /** Static port translation of object NAT: {@code protocol} packets to {@code mappedPort} go on to {@code realPort}. */
    record NatService(IntervalSet protocol, int realPort, int mappedPort) {}

    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, Named> objects = new LinkedHashMap<>();
    final Map<String, Named> groups = new LinkedHashMap<>();
    /** Objects and object-groups of types that are not modelled (user, security, ...), by name: their type. */
    final Map<String, String> unmodelled = new LinkedHashMap<>();
    final Map<String, List<AclEntry>> acls = new LinkedHashMap<>();
    /**
     * Every line of each access list (remarks, entries, entries that could not be read but name
     * the list and an action), by name: an access list bound to no interface filters nothing, and
     * the conversion says so on each of them.
     */
    final Map<String, List<Integer>> aclLines = new LinkedHashMap<>();
    /** Access lists bound to the control plane (traffic to the ASA itself), by name. */
    final java.util.Set<String> controlPlaneAcls = new java.util.LinkedHashSet<>();
    final List<AccessGroup> accessGroups = new ArrayList<>();
    final List<Iface> interfaces = new ArrayList<>();
    final List<StaticNat> nats = new ArrayList<>();
    boolean sameSecurityInter;
}
