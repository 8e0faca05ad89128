/**
 * The CI gate as a pure function: {@link io.lyncaudit.gate.GatePolicy} decides from the findings and
 * the count of unparsed lines whether an audit passes, answering with a
 * {@link io.lyncaudit.gate.GateDecision}.
 *
 * <p>May depend on {@code java..} and {@code io.lyncaudit.finding} only.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.gate;
