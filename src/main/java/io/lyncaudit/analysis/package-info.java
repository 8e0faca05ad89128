/**
 * Everything between the evaluator and the findings: {@link io.lyncaudit.analysis.Topology} (which
 * addresses are where), the facts the analysis rules classify ({@link io.lyncaudit.analysis.Coverage},
 * {@link io.lyncaudit.analysis.Exposure}, {@link io.lyncaudit.analysis.Shadowing},
 * {@link io.lyncaudit.analysis.Misdirection}, {@link io.lyncaudit.analysis.SharedOpening}: the unmet
 * requirements of a firewall that miss one opening and share its finding) and
 * {@link io.lyncaudit.analysis.FindingCollector}, the sink the rules call to turn them into findings. The IPsec exceptions have their own facts
 * ({@link io.lyncaudit.analysis.IpsecCoverage}, {@link io.lyncaudit.analysis.IpsecExposure}), made by
 * {@link io.lyncaudit.analysis.IpsecChecks}.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.policy},
 * {@code io.lyncaudit.deployment}, {@code io.lyncaudit.catalog}, {@code io.lyncaudit.ipsec} and {@code io.lyncaudit.finding}
 * only; in particular not on Drools: the rules call these plain classes, not the other way round.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.analysis;
