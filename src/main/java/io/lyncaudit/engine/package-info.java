/**
 * The only package that sees Drools: {@link io.lyncaudit.engine.RuleEngine} loads the catalog and
 * analysis rules precompiled at build time, compiles user rules, and runs the catalog phase
 * (deployment facts in, requirements out) and the analysis phase (facts in, findings to a sink).
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model}, {@code io.lyncaudit.catalog},
 * {@code io.lyncaudit.finding}, {@code org.drools..} and {@code org.kie..} only. The classes the
 * build generates from the DRL files ({@code io.lyncaudit.rules..}) are not part of this rule.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.engine;
