package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A news outlet as the dataset's outlet table declares it: its names, its own domains and the
 * domains of syndication partners whose copies of its stories may be cited. Sources name their
 * outlet by its English name; Arabic replies show {@code nameAr} where the outlet has one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Outlet(String id, String name, @Nullable String nameAr, List<String> domains, List<String> partners) {
    public Outlet {
        domains = domains == null ? List.of() : List.copyOf(domains);
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /** The name to show in a reply in this language. */
    public String name(Lang lang) {
        return lang == Lang.AR && nameAr != null && !nameAr.isBlank() ? nameAr : name;
    }

    /** Whether a host is one of the outlet's own domains (or a subdomain of one). */
    public boolean ownHost(String host) {
        return matches(host, domains);
    }

    /** Whether a host is a declared syndication partner (or a subdomain of one). */
    public boolean partnerHost(String host) {
        return matches(host, partners);
    }

    static boolean matches(String host, List<String> domains) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String d : domains) {
            if (h.equals(d) || h.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }
}
