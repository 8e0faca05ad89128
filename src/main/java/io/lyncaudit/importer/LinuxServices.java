package io.lyncaudit.importer;

import io.lyncaudit.model.Ports;
import java.util.Locale;
import java.util.Map;

/**
 * Ports as the Linux tools (iptables, nft) read them: a number, or a service name, which both look
 * up in /etc/services; the names here are those firewall rules use.
 */
public final class LinuxServices {
    private static final Map<String, Integer> NAMES = Map.ofEntries(Map.entry("http", 80), Map.entry("www", 80),
            Map.entry("https", 443), Map.entry("ssh", 22), Map.entry("domain", 53), Map.entry("sip", 5060), Map.entry("sip-tls", 5061),
            Map.entry("sips", 5061), Map.entry("ldap", 389), Map.entry("ldaps", 636), Map.entry("smtp", 25), Map.entry("ntp", 123),
            Map.entry("snmp", 161), Map.entry("kerberos", 88), Map.entry("microsoft-ds", 445), Map.entry("ftp", 21),
            Map.entry("telnet", 23), Map.entry("ms-wbt-server", 3389), Map.entry("rdp", 3389), Map.entry("http-alt", 8080));

    private LinuxServices() {}

    /** A port number or service name; throws with a readable message otherwise. */
    public static int port(String p) {
        Integer named = NAMES.get(p.toLowerCase(Locale.ROOT));
        if (named != null) return named;
        try {
            int n = Integer.parseInt(p);
            if (n < 0 || n > Ports.MAX) throw new IllegalArgumentException("port " + n + " is outside 0-65535");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + p + "' is not a port");
        }
    }
}
