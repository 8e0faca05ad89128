/**
 * Reading helpers for the project's own input files: {@link io.lyncaudit.io.YamlTree}, a YAML view
 * that keeps the line and field path of every value for validation messages.
 *
 * <p>May depend on {@code java..}, {@code io.lyncaudit.model} and SnakeYAML only.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.io;
