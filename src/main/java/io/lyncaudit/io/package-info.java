/**
 * Reading helpers for every input file: {@link io.lyncaudit.io.InputText}, how bytes become text
 * (one decoding rule for every text input, a size limit and a line-length limit before any parser
 * sees the text), and {@link io.lyncaudit.io.YamlTree}, a YAML view that keeps the line and field
 * path of every value for validation messages.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model} and SnakeYAML only; the importers,
 * the deployment and waiver loaders use it. {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.io;
