/**
 * Importers of native Windows exports: Windows Firewall rules ({@code windows-firewall}) and Windows
 * IPsec connection-security rules ({@code windows-ipsec}), each from {@code Get-Net*Rule} output
 * joined with its filters (CSV with either delimiter, or {@code Format-List} text) or from
 * {@code netsh advfirewall ... show rule name=all verbose}.
 *
 * <p>Two stages: {@link io.lyncaudit.importer.windows.WindowsExportReader} turns the text into raw
 * property blocks ({@link io.lyncaudit.importer.windows.RawBlock}, one per rule, with the line of every
 * property); {@link io.lyncaudit.importer.windows.WindowsFirewallConversions} and
 * {@link io.lyncaudit.importer.windows.WindowsIpsecConversions} turn blocks into the neutral policy or
 * the IPsec model.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy},
 * {@code io.lyncaudit.ipsec} and the {@code Importer} interface only; never on another vendor package.
 */
package io.lyncaudit.importer.windows;
