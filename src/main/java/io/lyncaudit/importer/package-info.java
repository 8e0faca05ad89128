/**
 * The {@link io.lyncaudit.importer.Importer} interface that every vendor importer implements, and
 * {@link io.lyncaudit.importer.Importers}, the closed registry of importers with format detection.
 * Each vendor lives in its own sub-package ({@code importer.sheet}, {@code importer.neutral}, ...).
 *
 * The registry also reads IPsec policy inputs ({@code loadIpsec}) into {@code io.lyncaudit.ipsec}.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, {@code io.lyncaudit.ipsec},
 * {@code io.lyncaudit.io} (how bytes become text: {@code InputText}, through {@link io.lyncaudit.importer.ConfigText}) and, for
 * the registry only, its vendor sub-packages. Vendor sub-packages never see each other and never
 * see {@code Importers}; they see this package only for the {@code Importer} interface and the shared
 * reading helpers ({@code ConfigText}, the ledgers).
 * {@code io.lyncaudit.ArchitectureTest} and {@code io.lyncaudit.importer.ImporterPackagesTest}
 * keep this true.
 */
package io.lyncaudit.importer;
