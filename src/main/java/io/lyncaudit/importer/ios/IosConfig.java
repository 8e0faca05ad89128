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

    /** An address operand: literal addresses or a network object-group. */
    sealed interface Addr permits AddrLiteral, AddrGroup {}

    record AddrLiteral(IntervalSet addresses) implements Addr {}

    record AddrGroup(String name) implements Addr {}

    /** Protocols with source and destination ports (everything for portless protocols). */
    record Svc(IntervalSet protocols, IntervalSet sourcePorts, IntervalSet destinationPorts) {}

    /** The protocol operand: literal, or a service object-group (which then carries the ports). */
    sealed interface Proto permits ProtoLiteral, ProtoGroup {}

    record ProtoLiteral(IntervalSet protocols) implements Proto {}

    record ProtoGroup(String name) implements Proto {}

    /** One ACL entry; {@code established} entries match return traffic only. */
    record Entry(int line, Action action, Proto proto, Addr src, IntervalSet srcPorts, Addr dst, IntervalSet dstPorts,
                 boolean established, String unsupported) {}

    /** A network or service object-group: literal members and nested group names. */
    static final class Group {
        final String name;
        final boolean network;
        final int line;
        final List<IntervalSet> addresses = new ArrayList<>();
        final List<Svc> services = new ArrayList<>();
        final List<String> nested = new ArrayList<>();
        final List<Integer> nestedLines = new ArrayList<>();

        Group(String name, boolean network, int line) {
            this.name = name;
            this.network = network;
            this.line = line;
        }
    }

    /** {@code ip access-group ACL in|out} inside an interface block. */
    record AccessGroup(String acl, Binding binding, int line) {}

    final Map<String, List<Entry>> acls = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final List<AccessGroup> accessGroups = new ArrayList<>();
}
