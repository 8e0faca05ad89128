package io.lyncaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import org.junit.jupiter.api.Test;

/** How reports name address sets: "any" for the internet of a family, "any except" for all but a few. */
class DescribeTest {
    // the internet: everything but the private networks of a deployment, both families
    private static final IntervalSet INTERNET = Addresses.ALL.subtract(Addresses.parse("10.0.0.0/8"))
            .subtract(Addresses.parse("172.25.32.0/22"));
    private final Describe d = new Describe(INTERNET);

    @Test
    void theInternetOfOneFamilyIsAny() {
        assertEquals("any", d.addresses(Addresses.ALL));
        assertEquals("any", d.addresses(INTERNET.intersect(Addresses.ALL_V4)), "IPv4 sources of a query to an IPv4 server");
        assertEquals("any", d.addresses(INTERNET.intersect(Addresses.ALL_V6)));
    }

    @Test
    void allButAFewNamesTheFew() {
        IntervalSet most = Addresses.ALL_V4.subtract(Addresses.parse("10.0.1.11-10.0.1.12"));
        assertEquals("any except 10.0.1.11-10.0.1.12", d.addresses(most));
    }

    @Test
    void theInternetAndSomeMoreListsTheMore() {
        IntervalSet s = INTERNET.intersect(Addresses.ALL_V4).union(Addresses.parse("10.0.0.0/16")).union(Addresses.parse("10.2.0.0/16"));
        assertEquals("any, 10.0.0.0/16, 10.2.0.0/16", d.addresses(s).replace("10.0.0.0-10.0.255.255", "10.0.0.0/16")
                .replace("10.2.0.0-10.2.255.255", "10.2.0.0/16"));
    }

    @Test
    void mostOfAFamilyWithHolesNamesTheHoles() {
        IntervalSet s = INTERNET.intersect(Addresses.ALL_V4).subtract(Addresses.parse("198.51.100.48"))
                .subtract(Addresses.parse("198.51.100.53"));
        assertEquals("any except 10.0.0.0-10.255.255.255, 172.25.32.0-172.25.35.255, 198.51.100.48, 198.51.100.53",
                d.addresses(s).replace("10.0.0.0/8", "10.0.0.0-10.255.255.255").replace("172.25.32.0/22", "172.25.32.0-172.25.35.255"));
    }

    @Test
    void otherSetsAreListed() {
        assertEquals("172.25.33.11-172.25.33.12", d.addresses(Addresses.parse("172.25.33.11-172.25.33.12")));
    }
}
