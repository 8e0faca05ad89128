/**
 * IPsec connection-security policy as the audit sees it: {@link io.lyncaudit.ipsec.IpsecRule}s, each a
 * packet set and whether it exempts those packets from IPsec ("Do not authenticate") or asks for
 * authentication ("Request", "Require"), and {@link io.lyncaudit.ipsec.IpsecPolicy}, one input file
 * of them with its diagnostics.
 *
 * <p>Semantics, kept simple and documented: Windows connection-security rules are not first-match,
 * and a rule is symmetric between its two endpoints (endpoint 1 to endpoint 2 and back). A packet is
 * exempt when any enabled exemption rule matches it; disabled rules are diagnostics, not rules.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model} and {@code io.lyncaudit.policy} (for
 * {@code SourceRef}, {@code Diagnostic} and {@code LineCounts}) only. Readers live in the importer
 * packages ({@code importer.sheet} for spreadsheets). {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.ipsec;
