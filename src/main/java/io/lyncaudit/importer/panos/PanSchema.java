package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.LineLedger.Verdict;
import java.util.Map;
import java.util.Set;

/**
 * What of a PAN-OS configuration is read, for both forms of export: which elements are built into
 * the {@link PanNode} tree and which are skipped (with the verdict and reason of their lines), by
 * where they sit; and, for the {@code set} form, how a line's words nest (which word names an
 * entry, which takes a value, which only opens a level), since a set line does not show it.
 */
final class PanSchema {
    private PanSchema() {}

    /** Where an element sits, which decides which of its children are built. */
    enum Ctx { DOC, RESPONSE, CONFIG, DEVICES, DEVICE, VSYS_LIST, DG_LIST, SCOPE, POLICY, NETWORK, RULEBASE, ANY }

    /** A child that is skipped: its verdict and why. */
    record Skip(Verdict verdict, String why) {}

    private static final String NOT_POLICY = "not firewall policy";
    private static final Map<String, String> SCOPE_SKIPS = Map.ofEntries(
            Map.entry("profiles", "security profiles inspect traffic a rule allows; they do not decide which traffic passes"),
            Map.entry("profile-group", "security profile groups inspect traffic a rule allows; they do not decide which traffic passes"),
            Map.entry("log-settings", "log settings: " + NOT_POLICY),
            Map.entry("reports", "reports: " + NOT_POLICY),
            Map.entry("certificate", "certificates: " + NOT_POLICY),
            Map.entry("ssl-decrypt", "decryption settings: " + NOT_POLICY),
            Map.entry("user-id-collector", "User-ID settings: " + NOT_POLICY));

    /** The context of a child element that is built. */
    static Ctx child(Ctx ctx, String name) {
        return switch (ctx) {
            case DOC, RESPONSE -> switch (name) {
                case "config" -> Ctx.CONFIG;
                case "policy" -> Ctx.POLICY;
                default -> Ctx.RESPONSE;
            };
            case CONFIG -> switch (name) {
                case "devices" -> Ctx.DEVICES;
                case "shared", "panorama" -> Ctx.SCOPE;
                default -> Ctx.ANY;
            };
            case DEVICES -> Ctx.DEVICE;
            case DEVICE -> switch (name) {
                case "network" -> Ctx.NETWORK;
                case "vsys" -> Ctx.VSYS_LIST;
                default -> Ctx.DG_LIST;
            };
            case VSYS_LIST, DG_LIST -> Ctx.SCOPE;
            case POLICY -> name.equals("vsys") ? Ctx.VSYS_LIST : Ctx.SCOPE;
            case SCOPE -> name.equals("rulebase") || name.equals("pre-rulebase") || name.equals("post-rulebase") ? Ctx.RULEBASE : Ctx.ANY;
            default -> Ctx.ANY;
        };
    }

    /** Null when the child is built into the tree, else how its lines are accounted for. */
    static Skip skip(Ctx ctx, String name) {
        return switch (ctx) {
            case DOC, RESPONSE -> name.equals("config") || name.equals("policy") || name.equals("response") || name.equals("result")
                    ? null : new Skip(Verdict.IGNORED, "'" + name + "' is not part of a PAN-OS configuration: " + NOT_POLICY);
            case CONFIG -> switch (name) {
                case "devices", "shared", "panorama", "readonly" -> null;
                case "mgt-config" -> new Skip(Verdict.IGNORED, "management users and settings: " + NOT_POLICY);
                default -> new Skip(Verdict.IGNORED, name + ": " + NOT_POLICY);
            };
            case DEVICES, VSYS_LIST, DG_LIST -> name.equals("entry") ? null : new Skip(Verdict.IGNORED, name + ": " + NOT_POLICY);
            case DEVICE -> switch (name) {
                case "network", "vsys", "device-group" -> null;
                case "deviceconfig" -> new Skip(Verdict.IGNORED, "device settings (system, management interface, high availability): "
                        + NOT_POLICY);
                case "template", "template-stack" -> new Skip(Verdict.IGNORED, "Panorama " + name
                        + ": device settings Panorama pushes; zones and interfaces are read from the device's own export");
                default -> new Skip(Verdict.IGNORED, name + ": " + NOT_POLICY);
            };
            case POLICY -> null;
            case NETWORK -> switch (name) {
                case "interface", "virtual-router", "logical-router" -> null;
                case "shared-gateway" -> new Skip(Verdict.UNSUPPORTED, "shared gateways (their zones and NAT rules) are not modelled");
                default -> new Skip(Verdict.IGNORED, "network " + name + ": does not decide which traffic the security policy passes");
            };
            case SCOPE -> switch (name) {
                case "address", "address-group", "service", "service-group", "application", "application-group", "application-filter",
                     "zone", "tag", "external-list", "region", "schedule", "dynamic-user-group", "rulebase", "pre-rulebase",
                     "post-rulebase", "import", "devices", "display-name", "description" -> null;
                default -> {
                    String why = SCOPE_SKIPS.get(name);
                    yield new Skip(Verdict.IGNORED, why != null ? why : name + ": " + NOT_POLICY);
                }
            };
            case RULEBASE -> switch (name) {
                case "security", "nat", "default-security-rules", "pbf", "application-override" -> null;
                case "dos" -> new Skip(Verdict.UNSUPPORTED, "DoS protection rules can deny or limit traffic before the security policy;"
                        + " not modelled");
                default -> new Skip(Verdict.IGNORED, name + " policy: does not decide which traffic passes");
            };
            case ANY -> null;
        };
    }


    // ---- the set form ------------------------------------------------------------------------

    /** How a word of a set line nests. */
    enum Kind {
        /** A list of named entries: the next word is an entry's name ({@code address web}). */
        COLLECTION,
        /** A leaf: the next word, or a bracketed list, is its value ({@code action allow}, {@code from [ a b ]}). */
        VALUED,
        /** A level that only holds others ({@code protocol tcp port 443}: protocol and tcp). */
        CONTAINER,
        /** A word that is its own value ({@code nexthop discard}). */
        FLAG
    }

    private static final Set<String> SCOPE_COLLECTIONS = Set.of("address", "address-group", "service", "service-group", "application",
            "application-group", "application-filter", "zone", "tag", "external-list", "region", "schedule", "dynamic-user-group",
            "devices");
    private static final Set<String> RULE_CONTAINERS = Set.of("source-translation", "destination-translation",
            "dynamic-destination-translation", "static-ip", "dynamic-ip-and-port", "dynamic-ip", "interface-address", "fallback",
            "profile-setting", "profiles", "option", "target", "qos", "marking", "dns-rewrite");
    private static final Set<String> ROUTE_FLAGS = Set.of("discard", "unicast", "multicast", "both", "no-install");

    /**
     * How {@code word} nests under {@code parent} in the set form. Only the parts the audit reads
     * are described; elsewhere every word takes a value, which is how most leaves of PAN-OS read.
     */
    static Kind kind(PanNode parent, String word) {
        String p = parent.name;
        String owner = p.equals("entry") && parent.parent != null ? parent.parent.name : null;
        if (isScope(parent)) {
            if (SCOPE_COLLECTIONS.contains(word)) return Kind.COLLECTION;
            return word.equals("description") || word.equals("display-name") ? Kind.VALUED : Kind.CONTAINER;
        }
        if (owner != null) {
            return switch (owner) {
                case "rules" -> RULE_CONTAINERS.contains(word) ? Kind.CONTAINER : word.equals("devices") ? Kind.COLLECTION : Kind.VALUED;
                case "address-group" -> word.equals("dynamic") ? Kind.CONTAINER : Kind.VALUED;
                case "service" -> word.equals("protocol") ? Kind.CONTAINER : Kind.VALUED;
                case "application" -> word.equals("default") || word.equals("signature") ? Kind.CONTAINER : Kind.VALUED;
                case "zone" -> word.equals("network") || word.equals("user-acl") || word.equals("device-acl") ? Kind.CONTAINER : Kind.VALUED;
                case "external-list" -> word.equals("type") ? Kind.CONTAINER : Kind.VALUED;
                case "ethernet", "aggregate-ethernet", "units" -> switch (word) {
                    case "layer3", "layer2", "virtual-wire", "tap", "ha", "ipv6", "dhcp-client", "pppoe", "adjust-tcp-mss", "lldp",
                         "ndp-proxy", "arp", "lacp" -> Kind.CONTAINER;
                    case "ip", "units" -> Kind.COLLECTION;
                    default -> Kind.VALUED;
                };
                case "virtual-router" -> word.equals("interface") ? Kind.VALUED : Kind.CONTAINER;
                case "static-route" -> switch (word) {
                    case "nexthop", "route-table", "bfd", "path-monitor" -> Kind.CONTAINER;
                    default -> Kind.VALUED;
                };
                case "devices", "vsys", "device-group", "logical-router" -> Kind.CONTAINER;
                default -> Kind.VALUED;
            };
        }
        return switch (p) {
            case "rulebase", "pre-rulebase", "post-rulebase", "security", "nat", "default-security-rules", "pbf",
                 "application-override", "decryption" -> word.equals("rules") ? Kind.COLLECTION : Kind.CONTAINER;
            case "source-translation", "destination-translation", "dynamic-destination-translation", "static-ip", "dynamic-ip-and-port",
                 "dynamic-ip", "interface-address", "fallback", "dns-rewrite" -> RULE_CONTAINERS.contains(word) ? Kind.CONTAINER : Kind.VALUED;
            case "protocol" -> parent.parent != null && parent.parent.parent != null
                    && ("service".equals(parent.parent.parent.name) || "virtual-router".equals(parent.parent.parent.name))
                    ? Kind.CONTAINER : Kind.VALUED;
            case "tcp", "udp", "sctp" -> word.equals("override") ? Kind.CONTAINER : Kind.VALUED;
            case "override" -> Kind.CONTAINER;
            case "dynamic", "default" -> word.equals("ident-by-icmp-type") || word.equals("ident-by-icmp6-type")
                    ? Kind.CONTAINER : Kind.VALUED;
            case "type" -> Kind.CONTAINER;
            case "interface" -> switch (word) {
                case "ethernet", "aggregate-ethernet" -> Kind.COLLECTION;
                default -> Kind.CONTAINER;
            };
            case "vlan", "loopback", "tunnel" -> word.equals("units") ? Kind.COLLECTION : Kind.VALUED;
            case "layer3", "layer2", "ipv6" -> switch (word) {
                case "ip", "units", "address" -> Kind.COLLECTION;
                case "dhcp-client", "pppoe", "ipv6", "adjust-tcp-mss", "lldp", "ndp-proxy", "arp", "neighbor-discovery" -> Kind.CONTAINER;
                default -> Kind.VALUED;
            };
            case "network" -> parent.parent != null && parent.parent.parent != null && "zone".equals(parent.parent.parent.name)
                    ? Kind.VALUED
                    : switch (word) {
                        case "virtual-router", "logical-router", "vlan" -> Kind.COLLECTION;
                        default -> Kind.CONTAINER;
                    };
            case "routing-table", "ip" -> word.equals("static-route") ? Kind.COLLECTION : Kind.CONTAINER;
            case "nexthop", "route-table" -> ROUTE_FLAGS.contains(word) ? Kind.FLAG : Kind.VALUED;
            default -> Kind.VALUED;
        };
    }

    /** True for a node whose children are objects and rulebases: a vsys, a device group, shared, pushed Panorama policy. */
    static boolean isScope(PanNode n) {
        if (n.name.equals("shared") || n.name.equals("panorama")) return true;
        if (!n.name.equals("entry") || n.parent == null) return false;
        return n.parent.name.equals("vsys") || n.parent.name.equals("device-group");
    }
}
