package org.newsdesk.resignations.dataset;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the source lint knows about hosts beyond the dataset's own outlet table: staging and preview
 * hosts, URL shorteners and sites known to republish other outlets' stories (mirrors, machine-
 * reworded copies). A newsroom cites the outlet's own page, or a syndication partner the table
 * declares; these are never either.
 */
public final class Outlets {

    /** Sites found republishing other outlets' reporting while this dataset was researched. */
    static final Set<String> COPY_SITES = Set.of(
            "write2rule.com", "wikinews.live", "voiceofvienna.org", "menanews.today", "webtimes.uk",
            "globetimeline.com", "newsready.com", "decensored.news", "positiveeyenews.co.zw",
            "thebharatexpressnews.com", "enpsychlopedia.org");

    /** Link shorteners: they hide where a link goes and can be re-pointed later. */
    static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "t.co", "tinyurl.com", "ow.ly", "buff.ly", "goo.gl", "is.gd", "rebrand.ly", "lnkd.in",
            "dlvr.it", "trib.al", "shorturl.at", "cutt.ly", "tiny.cc", "t.ly", "s.id", "v.gd", "amzn.to");

    /** Hosting platforms whose hosts are previews or CDNs, never a newsroom's published page. */
    static final Set<String> PREVIEW_PLATFORMS = Set.of(
            "cloudfront.net", "herokuapp.com", "vercel.app", "netlify.app", "pages.dev", "azurewebsites.net",
            "appspot.com", "ngrok.io", "ngrok-free.app");

    /** A host label that names a staging or preview copy of a site ("digital-staging", "stgmobile", "acquiaprod"). */
    private static final Pattern STAGING_LABEL = Pattern.compile(
            "(?:^|[-.])(?:staging|stage|stg|preview|acquiaprod|acquia|dev|uat|qa|cms|draft|beta-preview)(?:$|[-.\\d])|^stg");

    private final Map<String, Outlet> byName = new LinkedHashMap<>();

    public Outlets(List<Outlet> table) {
        for (Outlet o : table) {
            byName.putIfAbsent(o.name(), o);
        }
    }

    public Optional<Outlet> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The lower-case host of an http(s) URL, or empty when the URL cannot be parsed. */
    public static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            String h = new URI(url.strip()).getHost();
            return Optional.ofNullable(h).map(x -> x.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            // Arabic paths are often written unencoded; the host is what the lint needs
            Matcher m = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:@]+)").matcher(url.strip());
            return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
        }
    }

    static boolean plainHttp(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).startsWith("http://");
    }

    static boolean copySite(String host) {
        return Outlet.matches(host, List.copyOf(COPY_SITES));
    }

    static boolean shortener(String host) {
        return Outlet.matches(host, List.copyOf(SHORTENERS));
    }

    /** A staging, preview or CDN host: never the address a newsroom cites. */
    static boolean staging(String host) {
        if (host == null) {
            return false;
        }
        if (Outlet.matches(host, List.copyOf(PREVIEW_PLATFORMS))) {
            return true;
        }
        // only the labels before the registrable domain say "staging" ("stage.example.com", not "thestage.com")
        String[] labels = host.split("\\.");
        for (int i = 0; i < labels.length - 2; i++) {
            if (STAGING_LABEL.matcher(labels[i]).find()) {
                return true;
            }
        }
        return false;
    }
}
