package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a Windows IPsec connection-security rule export ({@code windows-ipsec}):
 * {@code Get-NetIPsecRule} joined with its address and port filters (CSV or {@code Format-List}),
 * or {@code netsh advfirewall consec show rule name=all verbose}, into the {@link IpsecPolicy} the
 * IPsec checks consume (see {@link WindowsIpsecConversions}). It is registered as an importer so
 * that detection names it, but it is not a firewall: {@link #importFile} says to list it under
 * {@code ipsec:}.
 */
public final class WindowsIpsecImporter implements Importer {
    /** The format name in deployment files. */
    public static final String FORMAT = "windows-ipsec";

    /** Properties only connection-security rules have. */
    static final Set<String> DISTINCT = Set.of("inboundsecurity", "outboundsecurity", "endpoint1", "endpoint2", "port1", "port2");

    /**
     * PowerShell exports (CSV, Format-List) carry InboundSecurity/OutboundSecurity; netsh consec
     * carries Endpoint1/Endpoint2. A CSV with "Endpoint 1" columns is the IPsec spreadsheet, not this.
     */
    static final WindowsExports.Kind KIND = (shape, keys) -> !keys.contains("direction")
            && (shape == WindowsExportReader.Shape.NETSH ? WindowsExports.anyOf(keys, Set.of("endpoint1", "endpoint2"))
                    : WindowsExports.anyOf(keys, Set.of("inboundsecurity", "outboundsecurity")));

    static final Set<String> MARKERS = Set.of("inboundsecurity", "outboundsecurity", "endpoint1", "endpoint2", "port1", "port2",
            "localaddress", "remoteaddress", "localport", "remoteport", "profile", "profiles", "enabled", "protocol", "mode", "action");

    private static final String WHAT = "a Windows IPsec connection-security rule export (Get-NetIPsecRule with its filters as CSV "
            + "or Format-List, or netsh advfirewall consec show rule name=all verbose)";

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
        throw new BadInputException(displayName, 0, "this is " + WHAT + ", not a firewall; list it under 'ipsec:' in the deployment file");
    }

    /** Reads the export; {@code displayName} is how reports name it. */
    public static IpsecPolicy read(Path file, String displayName) throws BadInputException {
        return read(file, displayName, null);
    }

    /** Reads the export in {@code encoding} (null: detected); {@code displayName} is how reports name it. */
    public static IpsecPolicy read(Path file, String displayName, String encoding) throws BadInputException {
        WindowsExports.Read r = WindowsExports.read(file, displayName, encoding, MARKERS, KIND, WHAT);
        WindowsProperties props = WindowsProperties.ipsec(r.ledger());
        props.header(r.export().headerLine(), r.export().header());
        var rules = WindowsIpsecConversions.rules(r.export().blocks(), WindowsValues.Profile.DOMAIN, props);
        return new IpsecPolicy(displayName, FORMAT, rules, r.diagnostics(), r.ledger().counts());
    }
}
