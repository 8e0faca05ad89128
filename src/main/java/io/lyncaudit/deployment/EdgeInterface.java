package io.lyncaudit.deployment;

/**
 * One Edge service interface: the address configured on the server and, behind NAT, the public
 * address the internet uses for it.
 *
 * @param publicAddress null when the address is itself public
 */
public record EdgeInterface(Address address, Address publicAddress) {

    /** The address the internet sends to. */
    public Address outsideAddress() {
        return publicAddress != null ? publicAddress : address;
    }
}
