package org.newsdesk.resignations.ops;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the health and metrics listener binds ({@code http.address}): {@code host:port}, an IPv6
 * host in brackets ({@code [::1]:8080}); port 0 takes a free one (the log says which).
 */
public record HttpAddress(String host, int port) {

    public static final HttpAddress DEFAULT = new HttpAddress("127.0.0.1", 8080);
    public static final String OFF = "off";

    private static final Pattern FORM = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):([0-9]{1,5})");

    public HttpAddress {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * @return empty for "off"; the address for host:port
     * @throws IllegalArgumentException with the expected form, for anything else
     */
    public static Optional<HttpAddress> parse(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(v);
        if (!m.matches() || Integer.parseInt(m.group(3)) > 65_535) {
            throw new IllegalArgumentException("host:port such as 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:8080 "
                    + "(port 0 to 65535), or off");
        }
        return Optional.of(new HttpAddress(m.group(1) != null ? m.group(1) : m.group(2), Integer.parseInt(m.group(3))));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
