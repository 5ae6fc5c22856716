package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.SourceLint;
import org.slf4j.LoggerFactory;

/** {@code validate --strict}, {@code --report} and {@code --report --json}: the source lint from the command line. */
class ValidateSourcesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The minimal dataset with an outlet table, its AP source moved to a staging host. */
    private static Path staging(Path dir) throws Exception {
        ObjectNode t = Fixtures.minimalTree();
        ArrayNode outlets = t.putArray("outlets");
        outlets.addObject().put("id", "ap").put("name", "AP").set("domains", Fixtures.JSON.createArrayNode().add("apnews.com"));
        outlets.addObject().put("id", "letter").put("name", "Her letter").set("domains", Fixtures.JSON.createArrayNode().add("example.org"));
        outlets.addObject().put("id", "article").put("name", "Source article");
        for (JsonNode s : t.get("sources")) {
            if (s.get("id").asText().equals("ap-2024-05-15")) {
                ((ObjectNode) s).put("url", "https://digital-staging.apnews.com/article/x");
            }
        }
        Path f = dir.resolve("staging.json");
        Files.write(f, Fixtures.bytes(t));
        return f;
    }

    @Test
    void theBundledDatasetPassesStrict() {
        assertThat(run("validate", "--strict")).as(out()).isZero();
        assertThat(out()).contains("bundled:resignations.json: valid (14 entries").doesNotContain("error:")
                .doesNotContain("warning:");
    }

    @Test
    void aStagingHostIsAWarningAndAnErrorUnderStrict(@TempDir Path dir) throws Exception {
        Path f = staging(dir);
        assertThat(run("validate", f.toString())).isZero();
        assertThat(out()).contains("warning: " + f + ": /sources/0/url: digital-staging.apnews.com is a staging or preview host")
                .contains(f + ": valid").contains("1 source warning(s)");
        out.reset();
        assertThat(run("validate", "--strict", f.toString())).isEqualTo(1);
        assertThat(out()).contains("error: " + f + ": /sources/0/url:").contains(f + ": INVALID under --strict, 1 source problem(s).");
    }

    @Test
    void theReportListsEachEntrysSourcesAndCopies() {
        assertThat(run("validate", "--report")).isZero();
        assertThat(out()).contains("andrew-miller\n").contains("copies still cited: aje-voiceofvienna-miller-2024-06-21")
                .contains("notice: bundled:resignations.json: /sources/")
                .containsPattern("cnn-yahoo-miller-2024-06-21 +CNN +yahoo\\.com +partner");
    }

    @Test
    void theReportAsJsonParses() throws Exception {
        assertThat(run("validate", "--report", "--json")).isZero();
        JsonNode report = Fixtures.JSON.readTree(out());
        assertThat(report.get("entries")).hasSize(14);
        JsonNode casey = null;
        for (JsonNode e : report.get("entries")) {
            if (e.get("id").asText().equals("mike-casey")) {
                casey = e;
            }
        }
        assertThat(casey).isNotNull();
        assertThat(casey.get("copies").toString()).contains("guardian-wikinews-casey-2024-12-18");
        assertThat(report.get("findings")).allSatisfy(f -> assertThat(f.get("level").asText()).isEqualTo("notice"));
        // the summary line goes to stderr so stdout stays JSON
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("valid (14 entries");
    }

    @Test
    void warningsAreLoggedWhenADatasetLoads(@TempDir Path dir) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("org.newsdesk.resignations");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            var snapshot = Fixtures.loader().load(staging(dir));
            assertThat(SourceLint.logWarnings("staging.json", snapshot.dataset())).hasSize(1);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains("Source lint: staging.json: /sources/0/url"));
            assertThat(SourceLint.logWarnings("bundled", Fixtures.bundled().dataset())).isEmpty();
        } finally {
            logger.detachAppender(appender);
        }
    }
}
