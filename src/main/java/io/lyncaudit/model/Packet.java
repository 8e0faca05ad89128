package io.lyncaudit.model;

import java.math.BigInteger;

/** One concrete packet: protocol number, addresses on the 128-bit line and ports. */
public record Packet(int protocol, BigInteger source, int sourcePort, BigInteger destination, int destinationPort) {

    public String sourceText() {
        return Addresses.formatPoint(source);
    }

    public String destinationText() {
        return Addresses.formatPoint(destination);
    }

    @Override
    public String toString() {
        return Protocols.name(protocol) + " " + sourceText() + ":" + sourcePort + " -> " + destinationText() + ":" + destinationPort;
    }
}
