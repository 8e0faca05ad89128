package io.lyncaudit.policy;

import java.util.Locale;

/**
 * Where on a packet's path through a Linux-style firewall a policy sits. A policy with no hook
 * (classic devices: ASA, IOS, spreadsheets, Windows) applies to every crossing its binding allows.
 *
 * <p>Which hooks a packet passes depends on where it enters and leaves: traffic through the box
 * passes ingress, prerouting, forward and postrouting; traffic to the box itself (leaving at the
 * {@value #HOST} pseudo-interface) ingress, prerouting and input; traffic the box sends (entering
 * at {@value #HOST}) output and postrouting. Hooks are listed in the order a packet meets them, so
 * every path is a subsequence of this order.
 */
public enum Hook {
    INGRESS, PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING;

    /** The pseudo-interface that stands for the firewall itself: traffic to it takes the input path, from it the output path. */
    public static final String HOST = "host";

    /** The lower-case name used in the neutral format and in nftables. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Hook fromJson(String s) {
        for (Hook h : values()) {
            if (h.json().equalsIgnoreCase(s)) return h;
        }
        throw new IllegalArgumentException("unknown hook '" + s + "' (ingress, prerouting, input, forward, output or postrouting)");
    }

    /** True when a packet entering at {@code in} and leaving at {@code out} (null: not the firewall itself) passes this hook. */
    public boolean onPath(String in, String out) {
        boolean fromHost = HOST.equals(in), toHost = HOST.equals(out);
        return switch (this) {
            case INGRESS, PREROUTING -> !fromHost;
            case INPUT -> toHost && !fromHost;
            case FORWARD -> !fromHost && !toHost;
            case OUTPUT -> fromHost;
            case POSTROUTING -> !toHost;
        };
    }

    /** The path's name for traces: forward, input or output. */
    public static String pathName(String in, String out) {
        return HOST.equals(in) ? "output" : HOST.equals(out) ? "input" : "forward";
    }
}
