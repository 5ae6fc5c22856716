package org.newsdesk.resignations.sourcing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses the bot may fetch a dataset from. A dataset URL (or a server answering it)
 * must not make the bot read from the machine itself, the local network or a cloud metadata
 * service: loopback, private (RFC 1918, CGNAT, IPv6 unique-local) addresses are refused unless
 * the configuration allows them; unspecified, link-local (169.254.0.0/16, the metadata address,
 * fe80::/10), multicast and broadcast addresses are always refused. IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64) are judged by that IPv4 address.
 *
 * @param allowPrivate loopback and private addresses are allowed (a dataset server on the LAN; the tests)
 */
public record AddressPolicy(boolean allowPrivate) {

    /** Why an address is refused, or empty when it may be contacted. */
    public Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] v4 = embeddedIpv4(b);
            if (v4 != null) {
                b = v4;
            }
        }
        String kind = b.length == 4 ? ipv4(b) : ipv6(b);
        if (kind == null) {
            return Optional.empty();
        }
        if (allowPrivate && (kind.equals("loopback") || kind.equals("private"))) {
            return Optional.empty();
        }
        return Optional.of(kind);
    }

    /** Resolves the host and refuses it when any of its addresses is refused (a name must not mix in a private one). */
    public InetAddress[] check(String host) throws Refused, UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress a : all) {
            Optional<String> why = refusal(a);
            if (why.isPresent()) {
                throw new Refused(why.get(), a.getHostAddress());
            }
        }
        return all;
    }

    /** A host whose address the policy refuses; says which kind of address, never what a server sent. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final String address;

        Refused(String kind, String address) {
            super("the address " + address + " is " + kind);
            this.kind = kind;
            this.address = address;
        }

        /** loopback, private, link-local, unspecified, multicast or broadcast */
        public String kind() {
            return kind;
        }

        public String address() {
            return address;
        }
    }

    private static @Nullable String ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return "unspecified";           // 0.0.0.0/8, "this network"
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";            // 169.254.169.254 is the cloud metadata service
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127)) {
            return "private";               // RFC 1918 and carrier-grade NAT
        }
        if (a0 >= 224 && a0 <= 239) {
            return "multicast";
        }
        if (a0 >= 240) {
            return "broadcast";             // 240/4 reserved, 255.255.255.255
        }
        return null;
    }

    private static @Nullable String ipv6(byte[] b) {
        boolean zeroUpTo15 = true;
        for (int i = 0; i < 15; i++) {
            zeroUpTo15 &= b[i] == 0;
        }
        if (zeroUpTo15 && b[15] == 0) {
            return "unspecified";
        }
        if (zeroUpTo15 && b[15] == 1) {
            return "loopback";
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "link-local";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "private";               // site-local, deprecated but still routed inside some networks
        }
        if ((b0 & 0xfe) == 0xfc) {
            return "private";               // unique-local fc00::/7
        }
        if (b0 == 0xff) {
            return "multicast";
        }
        return null;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d and 64:ff9b::a.b.c.d, else null. */
    private static byte @Nullable [] embeddedIpv4(byte[] b) {
        byte[] head = Arrays.copyOfRange(b, 0, 12);
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        byte[] compatible = new byte[12];
        byte[] nat64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        boolean lowIsSpecial = b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
        if (Arrays.equals(head, mapped) || Arrays.equals(head, nat64) || (Arrays.equals(head, compatible) && !lowIsSpecial)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return null;
    }
}
