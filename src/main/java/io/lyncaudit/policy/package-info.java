/**
 * The vendor-neutral policy that every importer produces (policies, rules, NAT, diagnostics, each
 * with a pointer to its source line) and {@link io.lyncaudit.policy.PolicyEvaluator}, the one place
 * that knows first-match, block-wins, default actions and binding order.
 *
 * <p>May depend on {@code java..} and {@code io.lyncaudit.model} only.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.policy;
