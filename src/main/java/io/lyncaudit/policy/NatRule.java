package io.lyncaudit.policy;

import io.lyncaudit.model.IntervalSet;

/**
 * A static destination translation: packets addressed to {@code mapped} arrive, after the
 * firewall, at {@code real}. Filtering sees the real address when {@code aclSeesReal} (ASA 8.3+,
 * iptables FORWARD after DNAT).
 */
public record NatRule(IntervalSet mapped, IntervalSet real, boolean aclSeesReal, SourceRef source) {
}
