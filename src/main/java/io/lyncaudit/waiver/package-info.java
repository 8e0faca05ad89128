/**
 * Waivers: accepted findings with a reason, an owner and an expiry date, read from the waiver file
 * ({@code contracts/waivers.example.yaml}) by {@link io.lyncaudit.waiver.WaiverLoader} and applied
 * to the findings of an audit in one place by the pure {@link io.lyncaudit.waiver.WaiverMatcher}.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.finding}, {@code io.lyncaudit.model} and
 * {@code io.lyncaudit.io} only. {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.waiver;
