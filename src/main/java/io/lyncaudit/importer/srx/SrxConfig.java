package io.lyncaudit.importer.srx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw vendor model of an SRX configuration: what {@link SrxReader} found, named as Junos names
 * it, each part keeping the statements it comes from. Nothing here is resolved or evaluated; that
 * is {@link SrxConversions}' work.
 */
final class SrxConfig {

    /** A security zone: its interfaces, its own address book and its host-inbound-traffic statements. */
    static final class Zone {
        final String name;
        final List<SrxStatement> statements = new ArrayList<>();
        final Map<String, SrxStatement> interfaces = new LinkedHashMap<>();
        final List<SrxStatement> hostInbound = new ArrayList<>();
        final AddressBook book;

        Zone(String name) {
            this.name = name;
            this.book = new AddressBook(name);
        }
    }

    /** An address book: the global one, a named one attached to zones, or a zone's own. */
    static final class AddressBook {
        final String name;
        final Map<String, Address> addresses = new LinkedHashMap<>();
        final Map<String, AddressSet> sets = new LinkedHashMap<>();
        /** For a named book: the zones it is attached to, with the statements that attach it. */
        final Map<String, SrxStatement> attached = new LinkedHashMap<>();

        AddressBook(String name) {
            this.name = name;
        }
    }

    /** An address entry: its value statement (prefix, range-address, wildcard-address or dns-name) and the rest (description). */
    static final class Address {
        final String name;
        SrxStatement value;
        /** Where the value starts among the words of {@link #value}. */
        int at;
        final List<SrxStatement> other = new ArrayList<>();

        Address(String name) {
            this.name = name;
        }
    }

    /** An address-set: members by name, each an address or a nested address-set. */
    static final class AddressSet {
        final String name;
        /** Statements whose last two words are {@code address NAME} or {@code address-set NAME}. */
        final List<SrxStatement> members = new ArrayList<>();
        final List<SrxStatement> other = new ArrayList<>();

        AddressSet(String name) {
            this.name = name;
        }
    }

    /** A custom application: its top-level definition (term "") and its terms, each a list of statements. */
    static final class Application {
        final String name;
        final Map<String, List<SrxStatement>> terms = new LinkedHashMap<>();
        final List<SrxStatement> other = new ArrayList<>();

        Application(String name) {
            this.name = name;
        }
    }

    /** An application-set: members by name, each an application or a nested application-set. */
    static final class ApplicationSet {
        final String name;
        final List<SrxStatement> members = new ArrayList<>();
        final List<SrxStatement> other = new ArrayList<>();

        ApplicationSet(String name) {
            this.name = name;
        }
    }

    /**
     * A security policy of a zone context ({@code from}, {@code to} set) or a global one (both
     * null; its zones are the {@code match from-zone}/{@code to-zone} statements).
     */
    static final class SecurityPolicy {
        final String name;
        final String from;
        final String to;
        final List<SrxStatement> source = new ArrayList<>();
        final List<SrxStatement> destination = new ArrayList<>();
        final List<SrxStatement> application = new ArrayList<>();
        final List<SrxStatement> fromZones = new ArrayList<>();
        final List<SrxStatement> toZones = new ArrayList<>();
        SrxStatement sourceExcluded;
        SrxStatement destinationExcluded;
        /** Match conditions that narrow the policy to traffic this reader cannot tell apart (dynamic-application, users, URL categories). */
        final List<SrxStatement> narrowing = new ArrayList<>();
        /** {@code dynamic-application none} or {@code any}: conditions that narrow nothing. */
        final List<SrxStatement> dynamicAny = new ArrayList<>();
        /** The action ({@code permit}, {@code deny} or {@code reject}), or null when no statement says it. */
        String actionWord;
        /** Every statement that states the action, plain ({@code then permit}) or with an option ({@code then permit tunnel ...}). */
        final List<SrxStatement> actionStatements = new ArrayList<>();
        /** Options of a permit that keep it a permit (application-services, tunnel, count, log). */
        final List<SrxStatement> permitOptions = new ArrayList<>();
        /** Options of a permit that may refuse some of what it matches (destination-address drop-translated, firewall-authentication). */
        final List<SrxStatement> permitConditions = new ArrayList<>();
        final List<SrxStatement> other = new ArrayList<>();
        SrxStatement scheduler;
        /** The first statement of the policy, where it stands in its list. */
        final SrxStatement first;

        SecurityPolicy(String name, String from, String to, SrxStatement first) {
            this.name = name;
            this.from = from;
            this.to = to;
            this.first = first;
        }

        boolean global() {
            return from == null;
        }
    }

    /** A from-zone to-zone context: its policies in order. */
    record Context(String from, String to) {}

    /** A NAT rule-set of static or destination NAT: the contexts it applies to and its rules in order. */
    static final class NatRuleSet {
        final String name;
        final boolean isStatic;
        /** {@code from zone|interface|routing-instance NAME} statements. */
        final List<SrxStatement> from = new ArrayList<>();
        final Map<String, NatRule> rules = new LinkedHashMap<>();
        final List<SrxStatement> other = new ArrayList<>();

        NatRuleSet(String name, boolean isStatic) {
            this.name = name;
            this.isStatic = isStatic;
        }
    }

    /** A rule of a NAT rule-set. */
    static final class NatRule {
        final String ruleSet;
        final String name;
        final List<SrxStatement> destination = new ArrayList<>();
        final List<SrxStatement> destinationName = new ArrayList<>();
        final List<SrxStatement> source = new ArrayList<>();
        final List<SrxStatement> sourceName = new ArrayList<>();
        final List<SrxStatement> destinationPort = new ArrayList<>();
        final List<SrxStatement> protocol = new ArrayList<>();
        final List<SrxStatement> application = new ArrayList<>();
        /** Match conditions this reader does not model (source-port, ...). */
        final List<SrxStatement> unmodelled = new ArrayList<>();
        /** {@code then static-nat ...} or {@code then destination-nat ...} statements. */
        final List<SrxStatement> then = new ArrayList<>();
        final List<SrxStatement> other = new ArrayList<>();
        final SrxStatement first;

        NatRule(String ruleSet, String name, SrxStatement first) {
            this.ruleSet = ruleSet;
            this.name = name;
            this.first = first;
        }
    }

    /** A destination NAT pool. */
    static final class Pool {
        final String name;
        final List<SrxStatement> address = new ArrayList<>();
        final List<SrxStatement> other = new ArrayList<>();

        Pool(String name) {
            this.name = name;
        }
    }

    /**
     * Something that filters and that this reader cannot read (a stateless firewall filter on a
     * zone's interface, a group it cannot inherit): the stage it sits in gets a stand-in that may
     * match anything between the zones, so the verdicts it could change are uncertain.
     *
     * @param nat   true for the NAT stage, false for the security policies
     * @param denyOnly true when it can only refuse traffic (a filter), false when it may permit or refuse
     */
    record StandIn(SrxStatement at, String reason, String fromZone, String toZone, boolean nat, boolean denyOnly) {}

    final Map<String, Zone> zones = new LinkedHashMap<>();
    final AddressBook globalBook = new AddressBook("global");
    final Map<String, AddressBook> books = new LinkedHashMap<>();
    final Map<String, Application> applications = new LinkedHashMap<>();
    final Map<String, ApplicationSet> applicationSets = new LinkedHashMap<>();
    final Map<Context, Map<String, SecurityPolicy>> contexts = new LinkedHashMap<>();
    final Map<String, SecurityPolicy> global = new LinkedHashMap<>();
    SrxStatement defaultPolicy;
    final Map<String, NatRuleSet> staticNat = new LinkedHashMap<>();
    final Map<String, NatRuleSet> destinationNat = new LinkedHashMap<>();
    final Map<String, Pool> pools = new LinkedHashMap<>();
    /** Routing instances and the interfaces in them. */
    final Map<String, Map<String, SrxStatement>> routingInstances = new LinkedHashMap<>();
    final List<StandIn> standIns = new ArrayList<>();
    /** Statements under {@code schedulers scheduler NAME}, by name. */
    final Map<String, List<SrxStatement>> schedulers = new LinkedHashMap<>();

    /** The zone of an interface (a logical unit, {@code ge-0/0/0.0}; a bare name is unit 0), or null. */
    String zoneOf(String iface) {
        String unit = iface.contains(".") ? iface : iface + ".0";
        for (Zone z : zones.values()) {
            for (String i : z.interfaces.keySet()) {
                if (i.equals(iface) || i.equals(unit) || (i + ".0").equals(unit)) return z.name;
            }
        }
        return null;
    }
}
