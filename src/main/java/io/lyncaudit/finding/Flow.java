package io.lyncaudit.finding;

/** A flow as reports show it: protocol, destination ports, source and destination, as readable text. */
public record Flow(String protocol, String ports, String source, String destination) {

    @Override
    public String toString() {
        return protocol + " " + ports + " " + source + " -> " + destination;
    }
}
