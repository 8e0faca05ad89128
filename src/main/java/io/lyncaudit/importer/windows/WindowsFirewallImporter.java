package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Imports a Windows Firewall export ({@code windows-firewall}): {@code Get-NetFirewallRule} joined
 * with its port, address and application filters as CSV or {@code Format-List} text, or
 * {@code netsh advfirewall firewall show rule name=all verbose}. The result is a host firewall's
 * two block-wins policies (see {@link WindowsFirewallConversions}); the active profile is Domain.
 */
public final class WindowsFirewallImporter implements Importer {
    /** The format name in deployment files and --vendor. */
    public static final String FORMAT = "windows-firewall";

    /** Properties every shape of a firewall rule export carries. */
    static final Set<String> MARKERS = Set.of("direction", "action", "localport", "remoteport", "localaddress", "remoteaddress",
            "localip", "remoteip", "profile", "profiles", "enabled", "protocol");

    /**
     * A firewall rule export has Direction and no connection-security property; a CSV also needs a
     * local or remote port or address column, so that a spreadsheet with Direction and Action is not taken for one.
     */
    static final WindowsExports.Kind KIND = (shape, keys) -> keys.contains("direction")
            && !WindowsExports.anyOf(keys, WindowsIpsecImporter.DISTINCT)
            && (shape != WindowsExportReader.Shape.CSV || WindowsExports.anyOf(keys, Set.of("localport", "remoteport", "localaddress", "remoteaddress")));

    private final WindowsValues.Profile active;

    public WindowsFirewallImporter() {
        this(WindowsValues.Profile.DOMAIN);
    }

    WindowsFirewallImporter(WindowsValues.Profile active) {
        this.active = active;
    }

    /** An importer for which the rules of the named profile ("domain", "private" or "public") are active. */
    public static WindowsFirewallImporter forProfile(String profile) {
        return new WindowsFirewallImporter(WindowsValues.Profile.valueOf(profile.toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        return WindowsExports.detect(head, MARKERS, KIND);
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        WindowsExports.Read r = WindowsExports.read(file, displayName, encoding, MARKERS, KIND,
                "a Windows Firewall rule export (Get-NetFirewallRule with its filters as CSV or Format-List, or netsh advfirewall "
                        + "firewall show rule name=all verbose)");
        WindowsProperties props = WindowsProperties.firewall(r.ledger());
        props.header(r.export().headerLine(), r.export().header());
        var policies = WindowsFirewallConversions.policies(r.export().blocks(), active, props);
        // traffic that neither enters nor leaves the host is not this firewall's business
        return new ImportResult(displayName, FORMAT, policies, List.of(), r.diagnostics(), r.ledger().counts(), Action.PERMIT);
    }
}
