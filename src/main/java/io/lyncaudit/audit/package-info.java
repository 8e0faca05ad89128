/**
 * The application services that wire the pipeline: {@link io.lyncaudit.audit.Auditor} (import,
 * catalog, evaluate, classify, report and gate) and {@link io.lyncaudit.audit.RequirementsListing}.
 * Firewalls are imported through {@link io.lyncaudit.audit.FirewallLoader} and IPsec inputs through
 * {@link io.lyncaudit.audit.IpsecLoader}, so tests can stand in for the importers.
 *
 * <p>May depend on {@code java..} and the pipeline below it: {@code model}, {@code policy},
 * {@code importer} (the interface and registry, never a vendor package), {@code deployment},
 * {@code catalog}, {@code analysis}, {@code engine}, {@code ipsec}, {@code finding}, {@code gate} and
 * {@code report} (never {@code report.xlsx}, whose renderer {@code ReportFormat} provides). It never
 * sees {@code cli} or a third-party library. {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.audit;
