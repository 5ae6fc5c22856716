package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses a dataset URL may lead to, IPv4 and IPv6, with and without dataset.allow_private_hosts. */
class AddressPolicyTest {

    @ParameterizedTest(name = "{0}: {1} / allowing private: {2}")
    @CsvSource({
            // address,               refused as,   refused as when private hosts are allowed
            "93.184.215.14,           -,            -",
            "2606:2800:21f:cb07::1,   -,            -",
            "127.0.0.1,               loopback,     -",
            "127.8.9.10,              loopback,     -",
            "::1,                     loopback,     -",
            "::ffff:127.0.0.1,        loopback,     -",
            "10.1.2.3,                private,      -",
            "172.16.0.1,              private,      -",
            "172.31.255.255,          private,      -",
            "172.32.0.1,              -,            -",
            "192.168.1.1,             private,      -",
            "100.64.0.1,              private,      -",
            "fd12:3456::1,            private,      -",
            "::ffff:10.0.0.1,         private,      -",
            "64:ff9b::a00:1,          private,      -",
            "169.254.169.254,         link-local,   link-local",
            "::ffff:169.254.169.254,  link-local,   link-local",
            "fe80::1,                 link-local,   link-local",
            "0.0.0.0,                 unspecified,  unspecified",
            "::,                      unspecified,  unspecified",
            "224.0.0.1,               multicast,    multicast",
            "ff02::1,                 multicast,    multicast",
            "255.255.255.255,         broadcast,    broadcast",
    })
    void refusesWhatAServerMustNotMakeTheBotRead(String address, String refused, String refusedWhenAllowed) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertThat(new AddressPolicy(false).refusal(a).orElse("-")).isEqualTo(refused);
        assertThat(new AddressPolicy(true).refusal(a).orElse("-")).isEqualTo(refusedWhenAllowed);
    }

    @ParameterizedTest
    @CsvSource({"0:0:0:0:0:ffff:7f00:1", "0:0:0:0:0:ffff:a9fe:a9fe"})
    void anIpv6MappedFormBuiltByHandIsJudgedByItsIpv4(String address) throws Exception {
        // Java turns ::ffff:a.b.c.d into an Inet4Address when it parses text; built from bytes it stays IPv6
        byte[] b = InetAddress.getByName(address).getAddress();
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(b, b.length - 4, v6, 12, 4);
        InetAddress mapped = java.net.Inet6Address.getByAddress(null, v6, -1);
        assertThat(new AddressPolicy(false).refusal(mapped)).isPresent();
    }
}
