/**
 * The value model at the bottom of the pipeline: unsigned 128-bit interval sets, IPv4/IPv6 address
 * sets, port and protocol sets, packets and packet sets, and {@link io.lyncaudit.model.BadInputException},
 * the one error for input that cannot be used at all.
 *
 * <p>Depends on nothing but {@code java..}; every other package may depend on it.
 * {@code io.lyncaudit.ArchitectureTest} keeps this true.
 */
package io.lyncaudit.model;
