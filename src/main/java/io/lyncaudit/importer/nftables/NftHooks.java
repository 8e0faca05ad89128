package io.lyncaudit.importer.nftables;

import io.lyncaudit.policy.Hook;
import java.util.Locale;
import java.util.Map;

/**
 * Where a base chain sits on the packet path: its hook and its priority, as nft defines them
 * (nft(8), "CHAINS": the standard priority names and their values, and arithmetic on them).
 */
final class NftHooks {
    /** The standard priority names of the ip, ip6, inet, arp and netdev families. */
    static final Map<String, Integer> NAMES = Map.of("raw", -300, "mangle", -150, "dstnat", -100, "filter", 0, "security", 50, "srcnat", 100);
    /** The bridge family's own values. */
    static final Map<String, Integer> BRIDGE = Map.of("dstnat", -300, "filter", -200, "out", 100, "srcnat", 300);
    /** Connection tracking runs at this priority on prerouting and output (NF_IP_PRI_CONNTRACK); chains before it see no state. */
    static final int CONNTRACK = -200;
    /** nat chains of a hook run together, from the NAT core's hook: -100 on prerouting and output, 100 on input and postrouting. */
    static final int NAT_DST = -100, NAT_SRC = 100;

    private NftHooks() {}

    /**
     * The value of a priority as written: a signed integer, a standard name of the family, or a
     * name plus or minus an integer ({@code filter + 10}, {@code mangle - 5}, {@code dstnat}); null
     * when it is none of these.
     */
    static Integer priority(String family, String written) {
        if (written == null) return null;
        String s = written.strip().toLowerCase(Locale.ROOT);
        if (s.matches("[+-]?[0-9]{1,10}")) return parse(s);
        Map<String, Integer> names = "bridge".equals(family) ? BRIDGE : NAMES;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z]+)\\s*(?:([+-])\\s*([0-9]{1,9}))?").matcher(s);
        if (!m.matches()) return null;
        Integer base = names.get(m.group(1));
        if (base == null) return null;
        if (m.group(2) == null) return base;
        long v = base + (m.group(2).equals("+") ? 1L : -1L) * Long.parseLong(m.group(3));
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }

    private static Integer parse(String s) {
        long v = Long.parseLong(s);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }

    /** The path hook of an ip, ip6 or inet base chain's hook name; null for one that is not a hook of these families. */
    static Hook ipHook(String hook) {
        if (hook == null) return null;
        return switch (hook) {
            case "ingress" -> Hook.INGRESS;
            case "prerouting" -> Hook.PREROUTING;
            case "input" -> Hook.INPUT;
            case "forward" -> Hook.FORWARD;
            case "output" -> Hook.OUTPUT;
            case "postrouting" -> Hook.POSTROUTING;
            default -> null;
        };
    }

    /**
     * Where a bridge family chain's frames meet a routed packet's path, if the crossing's
     * interfaces are bridge ports: prerouting and input before the IP hooks, forward beside the
     * forward hook, output and postrouting after the IP hooks.
     */
    static Hook bridgeHook(String hook) {
        if (hook == null) return null;
        return switch (hook) {
            case "prerouting", "input" -> Hook.PREROUTING;
            case "forward" -> Hook.FORWARD;
            case "output", "postrouting" -> Hook.POSTROUTING;
            default -> null;
        };
    }
}
