package io.lyncaudit.deployment;

/** One Edge Server (or, in scaled-hlb, the VIP set) with its internal and three external interfaces. */
public record EdgeServer(String name, Address internal, EdgeInterface accessEdge, EdgeInterface webConferencingEdge,
                         EdgeInterface avEdge, int line) {
}
