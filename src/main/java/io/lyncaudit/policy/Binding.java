package io.lyncaudit.policy;

/** Where a policy is applied: an interface or zone and a direction. A null binding means every crossing. */
public record Binding(String iface, Direction direction) {

    /** Traffic direction relative to the interface. */
    public enum Direction {
        IN, OUT;

        public String json() {
            return this == IN ? "in" : "out";
        }
    }
}
