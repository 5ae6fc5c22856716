package org.newsdesk.resignations.dataset;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether a source URL names this machine or a private network by its host alone:
 * "localhost", or an IP address written literally (127.0.0.1, 169.254.169.254, [::1], 10.x,
 * 192.168.x, and the other spellings a browser accepts for them: 2130706433, 0x7f.1, 0177.0.0.1).
 * Names are never looked up: validating a file makes no network request.
 */
public final class LocalAddress {

    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private LocalAddress() {
    }

    /** The host, when the URL points at a local, private or reserved address; empty otherwise. */
    public static Optional<String> of(String url) {
        String host = host(url);
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        while (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);   // "localhost." and "127.0.0.1." are the same hosts
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return Optional.of(host);
        }
        if (host.startsWith("[")) {
            String inner = host.endsWith("]") ? host.substring(1, host.length() - 1) : host.substring(1);
            if (!IPV6.matcher(inner).matches()) {
                return Optional.of(host);   // a zone id or garbage: not a public address either way
            }
            try {
                // a literal only (checked above): no name lookup happens here
                InetAddress a = InetAddress.getByName(inner);
                return reserved(a.getAddress()) ? Optional.of(host) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of(host);
            }
        }
        String[] labels = host.split("\\.", -1);
        int last = labels.length - 1;
        if (!numeric(labels[last])) {
            return Optional.empty();   // a name: never resolved here
        }
        long[] parts = new long[last + 1];
        if (last > 3) {
            return Optional.of(host);
        }
        for (int i = 0; i <= last; i++) {
            parts[i] = number(labels[i]);
            if (parts[i] < 0) {
                return Optional.of(host);
            }
        }
        long address = 0;
        for (int i = 0; i < last; i++) {
            if (parts[i] > 255) {
                return Optional.of(host);
            }
            address = address << 8 | parts[i];
        }
        int rest = 4 - last;
        if (parts[last] >= 1L << (8 * rest)) {
            return Optional.of(host);
        }
        address = address << (8 * rest) | parts[last];
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        return reserved(b) ? Optional.of(host) : Optional.empty();
    }

    /** The host part of an http(s) URL, decoded and normalised as a browser would, lower case. */
    private static @Nullable String host(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int end = url.length();
        for (int i = scheme + 3; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                end = i;
                break;
            }
        }
        String authority = url.substring(scheme + 3, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? authority : authority.substring(0, close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        host = percentDecoded(host);
        host = Normalizer.normalize(host, Normalizer.Form.NFKC).replace('\u3002', '.').replace('\uFF61', '.');
        return host.toLowerCase(Locale.ROOT);
    }

    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean numeric(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.startsWith("0x")) {
            return label.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return label.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A label as a browser reads it (hex with 0x, octal with a leading 0); -1 when it is not a number. */
    private static long number(String label) {
        try {
            String digits;
            int radix;
            if (label.startsWith("0x")) {
                digits = label.substring(2);
                radix = 16;
            } else if (label.length() > 1 && label.startsWith("0")) {
                digits = label.substring(1);
                radix = 8;
            } else {
                digits = label;
                radix = 10;
            }
            if (digits.isEmpty()) {
                return 0;
            }
            if (digits.length() > 12) {
                return -1;
            }
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Loopback, private, link-local, shared, unspecified, multicast and other reserved ranges. */
    private static boolean reserved(byte[] a) {
        if (a.length == 4) {
            int x = a[0] & 0xFF;
            int y = a[1] & 0xFF;
            return x == 0 || x == 10 || x == 127 || x >= 224
                    || (x == 100 && y >= 64 && y <= 127)
                    || (x == 169 && y == 254)
                    || (x == 172 && y >= 16 && y <= 31)
                    || (x == 192 && y == 168)
                    || (x == 192 && y == 0 && (a[2] & 0xFF) == 0)
                    || (x == 198 && (y == 18 || y == 19));
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= a[i] == 0;
        }
        if (zeroPrefix) {
            // :: , ::1 and the old IPv4-compatible form ::a.b.c.d
            return reserved(new byte[]{a[12], a[13], a[14], a[15]});
        }
        int first = a[0] & 0xFF;
        return (first & 0xFE) == 0xFC          // fc00::/7, unique local
                || (first == 0xFE && (a[1] & 0xC0) == 0x80)   // fe80::/10, link-local
                || (first == 0xFE && (a[1] & 0xC0) == 0xC0)   // fec0::/10, old site-local
                || first == 0xFF;               // multicast
    }
}
