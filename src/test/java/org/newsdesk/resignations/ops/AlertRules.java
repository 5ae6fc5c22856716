package org.newsdesk.resignations.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks config/alerts.yml: {@code promtool check rules} accepts it when promtool is installed
 * (Debian's prometheus package), and in any case every rule has alert, expr, for,
 * labels.severity and annotations.summary, and every metric its expr reads is one the bot
 * exports (from a live scrape).
 */
final class AlertRules {

    /** Series Prometheus itself writes for every target, not the bot. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

    private AlertRules() {
    }

    static void check(Path file, String scrape) throws IOException, InterruptedException {
        promtool(file);
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode groups = root.path("groups");
        assertThat(groups.isArray() && !groups.isEmpty()).as("%s has groups", file).isTrue();
        Set<String> exported = PromText.names(scrape);
        int rules = 0;
        for (JsonNode g : groups) {
            assertThat(g.path("name").asText()).as("a group's name").isNotBlank();
            for (JsonNode r : g.path("rules")) {
                rules++;
                String alert = r.path("alert").asText();
                assertThat(alert).as("every rule is an alert with a name: %s", r).isNotBlank();
                assertThat(r.path("expr").asText()).as("%s: expr", alert).isNotBlank();
                assertThat(r.path("for").asText()).as("%s: for", alert).matches("[0-9]+[smhd]");
                assertThat(r.path("labels").path("severity").asText()).as("%s: labels.severity", alert)
                        .isIn("page", "ticket");
                assertThat(r.path("annotations").path("summary").asText()).as("%s: annotations.summary", alert).isNotBlank();
                for (String metric : metrics(r.path("expr").asText())) {
                    assertThat(exported.contains(metric) || PROMETHEUS_OWN.contains(metric))
                            .as("%s reads %s, which the bot does not export", alert, metric).isTrue();
                }
            }
        }
        assertThat(rules).isGreaterThanOrEqualTo(5);
    }

    /** The metric names a PromQL expression reads: identifiers that are neither functions, keywords nor labels. */
    static Set<String> metrics(String expr) {
        String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String id = m.group();
            int after = m.end();
            while (after < e.length() && e.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < e.length() && e.charAt(after) == '(';
            boolean number = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(id.toLowerCase(Locale.ROOT))) {
                out.add(id);
            }
        }
        return out;
    }

    /** Runs promtool when it is on the PATH; it must accept the file. */
    static boolean promtool(Path file) throws IOException, InterruptedException {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> found = new ArrayList<>();
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "promtool"))) {
                found.add(Path.of(d, "promtool"));
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        Process p = new ProcessBuilder(Stream.of(found.get(0).toString(), "check", "rules", file.toString()).toList())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool check rules %s:\n%s", file, out).isZero();
        return true;
    }
}
