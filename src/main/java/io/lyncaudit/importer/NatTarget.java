package io.lyncaudit.importer;

/**
 * The destination of a Linux DNAT as written: {@code ADDR}, {@code ADDR:PORT}, {@code [V6]:PORT},
 * {@code :PORT}, with ranges ({@code ADDR-ADDR}, {@code PORT-PORT}) kept as text for the caller.
 * An IPv6 address without brackets has no port.
 *
 * @param address the address part, or null when only a port is given
 * @param port    the port part, or null when none is given
 */
public record NatTarget(String address, String port) {

    /** Splits {@code to} into its address and port; throws with a readable message on an unclosed bracket. */
    public static NatTarget parse(String to) {
        if (to.startsWith("[")) {
            int close = to.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("'" + to + "' is not an address");
            String port = close + 1 < to.length() && to.charAt(close + 1) == ':' ? to.substring(close + 2) : null;
            return new NatTarget(to.substring(1, close), port);
        }
        if (to.startsWith(":")) return new NatTarget(null, to.substring(1));
        int colon = to.indexOf(':');
        if (colon >= 0 && colon == to.lastIndexOf(':')) return new NatTarget(to.substring(0, colon), to.substring(colon + 1));
        return new NatTarget(to, null);
    }
}
