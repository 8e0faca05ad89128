package io.lyncaudit.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A firewall of the deployment: its export, format, and the networks behind each interface or zone.
 *
 * @param format        null when the format is to be detected from the content
 * @param host          for a host firewall, the address it guards; otherwise null. A host firewall is
 *                      checked with two pseudo-interfaces, "host" (this address) and "network" (every
 *                      other address); its rules with no zones apply both ways, an importer marks
 *                      inbound rules {@code toZones={"host"}} and outbound ones {@code fromZones={"host"}}
 *                      (see {@code Topology}). Its {@code interfaces} are ignored.
 * @param edgeAddresses which Edge external addresses the traffic carries where the firewall meets it:
 *                      "private" (the real address, as ASA 8.3+ and iptables FORWARD see it; the
 *                      default), "public" (the firewall sits outside the NAT), or "nat" (the firewall
 *                      translates them itself, as a Linux box with DNAT does: traffic to an Edge
 *                      arrives addressed to its public address and walks through the firewall's own
 *                      translation, traffic from an Edge arrives from its private address); null when
 *                      the deployment does not say: "private", unless the export itself translates the
 *                      Edge public addresses (the audit then reads it as "nat", see
 *                      {@link #withEdgeAddresses})
 * @param profile       for a Windows Firewall export, the network profile whose rules are active:
 *                      "domain" (the default: Lync servers are domain members), "private" or "public"
 * @param rowAction     for a spreadsheet whose sheets have no action column, what every row means:
 *                      "permit" (a list of openings) or "deny"; null when the sheet must say it, and
 *                      a sheet without an action column is then bad input
 * @param encoding      the declared encoding of the export ({@code encoding:}: utf-8, utf-16, utf-16le,
 *                      utf-16be, windows-1252), or null to detect it
 * @param vdom          for a FortiGate export with several VDOMs, the VDOM this firewall is ({@code vdom:}); null otherwise
 */
public record FirewallSpec(String name, Path config, String configDisplay, String format,
                           Map<String, List<String>> interfaces, Address host, String edgeAddresses, int line, String profile,
                           String rowAction, String encoding, String vdom) {

    /** The row actions a firewall may name. */
    public static final List<String> ROW_ACTIONS = List.of("permit", "deny");

    /** The Windows profiles a firewall may name. */
    public static final List<String> PROFILES = List.of("domain", "private", "public");

    public FirewallSpec {
        interfaces = Map.copyOf(interfaces);
        if (profile == null) profile = "domain";
    }

    /** A firewall that is no VDOM of a multi-VDOM FortiGate. */
    public FirewallSpec(String name, Path config, String configDisplay, String format,
                        Map<String, List<String>> interfaces, Address host, String edgeAddresses, int line, String profile,
                        String rowAction, String encoding) {
        this(name, config, configDisplay, format, interfaces, host, edgeAddresses, line, profile, rowAction, encoding, null);
    }

    /** A firewall whose export says what its rules do, its encoding detected. */
    public FirewallSpec(String name, Path config, String configDisplay, String format,
                        Map<String, List<String>> interfaces, Address host, String edgeAddresses, int line, String profile) {
        this(name, config, configDisplay, format, interfaces, host, edgeAddresses, line, profile, null, null);
    }

    /** A firewall audited under the default (domain) profile. */
    public FirewallSpec(String name, Path config, String configDisplay, String format,
                        Map<String, List<String>> interfaces, Address host, String edgeAddresses, int line) {
        this(name, config, configDisplay, format, interfaces, host, edgeAddresses, line, null, null, null);
    }

    /** This firewall with another export (diff's before and after). */
    public FirewallSpec withConfig(Path newConfig, String newDisplay) {
        return new FirewallSpec(name, newConfig, newDisplay, format, interfaces, host, edgeAddresses, line, profile, rowAction, encoding, vdom);
    }

    /** True when the deployment file states {@code edgeAddresses} for this firewall. */
    public boolean statesEdgeAddresses() {
        return edgeAddresses != null;
    }

    /** This firewall with {@code edgeAddresses} as given (the audit's reading when the export carries its own NAT). */
    public FirewallSpec withEdgeAddresses(String value) {
        return new FirewallSpec(name, config, configDisplay, format, interfaces, host, value, line, profile, rowAction, encoding, vdom);
    }

    public boolean seesPublicEdgeAddresses() {
        return "public".equals(edgeAddresses);
    }

    /** True when the firewall translates the Edge public addresses itself ({@code edgeAddresses: nat}). */
    public boolean translatesEdgeAddresses() {
        return "nat".equals(edgeAddresses);
    }
}
