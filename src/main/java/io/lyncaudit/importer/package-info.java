/**
 * The {@link io.lyncaudit.importer.Importer} interface that every vendor importer implements, and
 * {@link io.lyncaudit.importer.Importers}, the closed registry of importers with format detection.
 * Each vendor lives in its own sub-package ({@code importer.sheet}, {@code importer.neutral}, ...).
 *
 * The registry also reads IPsec policy inputs ({@code loadIpsec}) into {@code io.lyncaudit.ipsec}.
 *
 * <p>Every importer accounts for every line of its input in the one line ledger,
 * {@link io.lyncaudit.importer.LineLedger}: each non-blank line ends with exactly one verdict, used,
 * ignored, unsupported or unrecognized (the most severe given wins), every verdict but used is one
 * diagnostic saying why, and a line no code gave a verdict is unrecognized ("the importer did not
 * look at this line"). Blank lines count nowhere. Where the units of an input are not text lines
 * (the elements of an nftables JSON array, the rows of a workbook), the ledger counts the units
 * declared to it. The neutral format carries the counts and diagnostics of the import that wrote it.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy}, {@code io.lyncaudit.ipsec},
 * {@code io.lyncaudit.io} (how bytes become text: {@code InputText}, through {@link io.lyncaudit.importer.ConfigText}) and, for
 * the registry only, its vendor sub-packages. Vendor sub-packages never see each other and never
 * see {@code Importers}; they see this package for the {@code Importer} interface and the classes
 * they share ({@code LineLedger}, {@code ConfigText}, {@code MatchSpan}, {@code CiscoNames},
 * {@code LinuxServices}, {@code NatTarget}).
 * {@code io.lyncaudit.ArchitectureTest} and {@code io.lyncaudit.importer.ImporterPackagesTest}
 * keep this true.
 */
package io.lyncaudit.importer;
