package io.lyncaudit.finding;

/** One concrete packet that shows a finding is real. */
public record Witness(String protocol, String source, int sourcePort, String destination, int destinationPort) {
}
