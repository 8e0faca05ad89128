/**
 * Importers of native Windows exports: Windows Firewall rules ({@code windows-firewall}) and Windows
 * IPsec connection-security rules ({@code windows-ipsec}), each from {@code Get-Net*Rule} output
 * joined with its filters (CSV with either delimiter, or {@code Format-List} text) or from
 * {@code netsh advfirewall ... show rule name=all verbose}.
 *
 * <p>Two stages: {@link io.lyncaudit.importer.windows.WindowsExportReader} turns the text into raw
 * property blocks ({@link io.lyncaudit.importer.windows.RawBlock}, one per rule, with the lines of every
 * property); {@link io.lyncaudit.importer.windows.WindowsFirewallConversions} and
 * {@link io.lyncaudit.importer.windows.WindowsIpsecConversions} turn blocks into the neutral policy or
 * the IPsec model.
 *
 * <p>Every line gets one verdict in the {@link io.lyncaudit.importer.LineLedger}, through
 * {@link io.lyncaudit.importer.windows.WindowsProperties}: a property the conversion read is used,
 * one known not to matter is ignored saying why, any other is unrecognized and, unless Any or blank,
 * makes a firewall rule uncertain (read as no condition). A rule that cannot be read but whose action
 * is known stays as an uncertain stand-in matching nothing, bounded by what could be read.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy},
 * {@code io.lyncaudit.ipsec}, the {@code Importer} interface and {@code LineLedger} only; never on
 * another vendor package.
 */
package io.lyncaudit.importer.windows;
