package org.newsdesk.resignations.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.resignations.dataset.Lang;

/**
 * Every user-visible string, from {@code responses/<lang>.properties} (UTF-8). Placeholders are
 * {@code {name}}; a missing key or placeholder is a programming error and fails loudly.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    private final Map<Lang, Properties> bundles = new EnumMap<>(Lang.class);

    public Templates(Map<Lang, Properties> bundles) {
        this.bundles.putAll(bundles);
        for (Lang l : Lang.values()) {
            if (!this.bundles.containsKey(l)) {
                throw new IllegalArgumentException("no responses for " + l);
            }
        }
    }

    /** The templates bundled under {@code /responses/} on the classpath. */
    public static Templates bundled() {
        Map<Lang, Properties> m = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            m.put(l, load("/responses/" + l.code() + ".properties"));
        }
        return new Templates(m);
    }

    public static Properties load(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(Lang lang, String key) {
        String v = bundles.get(lang).getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no response text '" + key + "' for " + lang);
        }
        return v;
    }

    /** Fills {@code {name}} placeholders from alternating name, value arguments. */
    public String get(Lang lang, String key, Object... namesAndValues) {
        String template = get(lang, key);
        if (namesAndValues.length == 0) {
            return template;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in '" + key + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    public boolean has(Lang lang, String key) {
        return bundles.get(lang).containsKey(key);
    }

    public Set<String> keys(Lang lang) {
        return new TreeSet<>(bundles.get(lang).stringPropertyNames());
    }

    public static Set<String> placeholders(String template) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
