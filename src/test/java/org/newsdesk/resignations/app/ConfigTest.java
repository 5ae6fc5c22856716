package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.ShardPlan;
import org.newsdesk.resignations.store.Storage;

class ConfigTest {

    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("bot.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyKeyIsOptional() throws Exception {
        assertThat(Config.load(Optional.empty(), Map.of())).isEqualTo(Config.defaults());
        assertThat(Config.load(Optional.of(file("# nothing\n\n")), Map.of())).isEqualTo(Config.defaults());
    }

    @Test
    void theShippedExampleParses() throws Exception {
        String example = Files.readString(Path.of("config/bot.example.properties"));
        String uncommented = example.replaceAll("(?m)^#([a-z_.]+ =)", "$1");
        Config c = Config.load(Optional.of(file(uncommented)), Map.of());
        assertThat(c.guilds()).containsExactly(123456789012345678L, 234567890123456789L);
        assertThat(c.defaultLanguage()).isEqualTo(Lang.EN);
        assertThat(c.editorRole()).contains(345678901234567890L);
        assertThat(c.adminChannel()).contains(456789012345678901L);
        assertThat(c.reviewChannel()).contains(567890123456789012L);
        assertThat(c.apiBaseUrl()).contains("https://discord.com/api/v10/");
        assertThat(c.gatewayUrl()).contains("wss://gateway.discord.gg");
        assertThat(c.gatewayCompression()).isTrue();
        assertThat(c.datasets()).containsExactly(Path.of("/srv/desk/resignations.json"), Path.of("/srv/desk/corrections.json"));
        assertThat(c.mergeBundled()).isFalse();
        assertThat(c.datasetUrl()).contains("https://example.org/desk/resignations.json");
        assertThat(c.pollEvery()).hasSeconds(60);
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.claimReviewBaseUrl()).contains("https://example.org/desk/fact-checks");
        assertThat(c.maxAnnouncedAdditions()).isEqualTo(10);
        assertThat(c.allowEmpty()).isFalse();
        assertThat(c.storageUrl()).contains("jdbc:postgresql://127.0.0.1:5432/newsdesk?user=bot");
        assertThat(c.shards()).isEqualTo(new ShardPlan(Optional.of(2), Set.of(0)));
    }

    @Test
    void shardsFromTheFileOrTheEnvironment() throws Exception {
        assertThat(Config.load(Optional.empty(), Map.of()).shards()).isEqualTo(ShardPlan.all());
        Config c = Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "8", "DISCORD_SHARD_IDS", "0-3"));
        assertThat(c.shards().total()).contains(8);
        assertThat(c.shards().ids()).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(c.shards().processName()).isEqualTo("shards 0-3 of 8");
        assertThat(Config.load(Optional.of(file("shards.total = 6\nshards.ids = 4,5\n")), Map.of()).shards().ids())
                .containsExactlyInAnyOrder(4, 5);
        // a total alone: this process runs all of them
        assertThat(Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "3")).shards().idsOf(3)).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void badShardSettingsNameTheKeyAndSayWhatIsWrong() {
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARD_IDS", "0-x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_SHARD_IDS").hasMessageContaining("shards.ids")
                .hasMessageContaining("'0-x' is not a shard id or a range");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARD_IDS", "3-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARD_IDS", "1,2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shards.ids").hasMessageContaining("shard 2 does not exist")
                .hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_SHARD_IDS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shards.ids").hasMessageContaining("shards.total");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_SHARDS_TOTAL").hasMessageContaining("shards.total");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARD_IDS", "0,0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("listed twice");
    }

    @Test
    void theLimitsOfMassChangesAndEmptyDatasets() throws Exception {
        assertThat(Config.defaults().maxAnnouncedAdditions()).isEqualTo(10);
        assertThat(Config.defaults().allowEmpty()).isFalse();
        Config c = Config.load(Optional.of(file("notify.max_announced_additions = 50\ndataset.allow_empty = true\n")), Map.of());
        assertThat(c.maxAnnouncedAdditions()).isEqualTo(50);
        assertThat(c.allowEmpty()).isTrue();
        Config env = Config.load(Optional.empty(), Map.of("BOT_NOTIFY_MAX_ANNOUNCED_ADDITIONS", "0", "BOT_DATASET_ALLOW_EMPTY", "no"));
        assertThat(env.maxAnnouncedAdditions()).isZero();
        assertThat(env.allowEmpty()).isFalse();
        assertThatThrownBy(() -> Config.load(Optional.of(file("notify.max_announced_additions = -1\n")), Map.of()))
                .hasMessageContaining("notify.max_announced_additions").hasMessageContaining("from 0 to 100,000");
        assertThatThrownBy(() -> Config.load(Optional.of(file("dataset.allow_empty = maybe\n")), Map.of()))
                .hasMessageContaining("dataset.allow_empty").hasMessageContaining("true or false");
    }

    @Test
    void theClaimReviewBaseUrlComesFromTheFileOrTheEnvironmentAndMustBeHttps() throws Exception {
        assertThat(Config.defaults().claimReviewBaseUrl()).isEmpty();
        assertThat(Config.load(Optional.of(file("export.claimreview_base_url = https://desk.example.org/checks\n")), Map.of())
                .claimReviewBaseUrl()).contains("https://desk.example.org/checks");
        assertThat(Config.load(Optional.empty(), Map.of("BOT_CLAIMREVIEW_BASE_URL", "https://desk.example.org/env"))
                .claimReviewBaseUrl()).contains("https://desk.example.org/env");
        assertThatThrownBy(() -> Config.load(Optional.of(file("export.claimreview_base_url = http://desk.example.org/x\n")), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("export.claimreview_base_url");
    }

    @Test
    void storageAndDatasetKeysAsTheIssueNamesThem() throws Exception {
        Config c = Config.load(Optional.of(file("storage.dir = /var/lib/desk\ndataset.paths = a.json,b.json\n"
                + "dataset.mode = merge\n")), Map.of());
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/desk"));
        assertThat(c.datasets()).containsExactly(Path.of("a.json"), Path.of("b.json"));
        assertThat(c.mergeBundled()).isTrue();
        Config env = Config.load(Optional.of(file("storage.dir = /var/lib/desk\n")),
                Map.of("BOT_DATA_DIR", "/tmp/desk", "BOT_DATASET", "x.json"));
        assertThat(env.dataDir()).isEqualTo(Path.of("/tmp/desk"));
        assertThat(env.datasets()).containsExactly(Path.of("x.json"));
        assertThatThrownBy(() -> Config.load(Optional.of(file("dataset.paths = a.json,,b.json\n")), Map.of()))
                .hasMessageContaining("dataset.paths").hasMessageContaining("none empty");
        // the first release's names say what they are called now
        assertThatThrownBy(() -> Config.load(Optional.of(file("data_dir = data\n")), Map.of()))
                .hasMessageContaining("\"data_dir\" is now called \"storage.dir\"");
        assertThatThrownBy(() -> Config.load(Optional.of(file("dataset = a.json\n")), Map.of()))
                .hasMessageContaining("is now called \"dataset.paths\"");
    }

    @Test
    void environmentOverridesTheFile() throws Exception {
        Config c = Config.load(Optional.of(file("default_language = en\nguilds = 1\n")), Map.of(
                "BOT_DEFAULT_LANGUAGE", "ar", "DISCORD_API_BASE_URL", "http://127.0.0.1:9999/api/v10/",
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:9998", "DISCORD_GATEWAY_COMPRESSION", "none",
                "DISCORD_GUILDS", " "));
        assertThat(c.defaultLanguage()).isEqualTo(Lang.AR);
        assertThat(c.guilds()).containsExactly(1L);
        assertThat(c.apiBaseUrl()).contains("http://127.0.0.1:9999/api/v10/");
        assertThat(c.gatewayUrl()).contains("ws://127.0.0.1:9998");
        assertThat(c.gatewayCompression()).isFalse();
    }

    @Test
    void unknownRepeatedOrMalformedKeysNameTheKey() throws Exception {
        assertThatThrownBy(() -> Config.load(Optional.of(file("guild = 1\n")), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(":1: unknown key \"guild\"");
        assertThatThrownBy(() -> Config.load(Optional.of(file("guilds = 1\nguilds = 2\n")), Map.of()))
                .hasMessageContaining(":2: the key \"guilds\" is given twice");
        assertThatThrownBy(() -> Config.load(Optional.of(file("guilds 1\n")), Map.of()))
                .hasMessageContaining("\"guilds 1\" is not of the form key = value");
        assertThatThrownBy(() -> Config.load(Optional.of(file("guilds = 12, abc\n")), Map.of()))
                .hasMessageContaining("guilds: \"12, abc\" is not valid");
        assertThatThrownBy(() -> Config.load(Optional.of(file("default_language = fr\n")), Map.of()))
                .hasMessageContaining("default_language");
        assertThatThrownBy(() -> Config.load(Optional.of(file("gateway_url = http://x\n")), Map.of()))
                .hasMessageContaining("gateway_url").hasMessageContaining("ws or wss URL");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("DISCORD_ADMIN_CHANNEL", "#desk")))
                .hasMessageContaining("environment variable DISCORD_ADMIN_CHANNEL: admin_channel");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_REVIEW_CHANNEL", "#review")))
                .hasMessageContaining("environment variable BOT_REVIEW_CHANNEL: review_channel");
    }

    @Test
    void theReviewChannelComesFromTheFileOrTheEnvironment() throws Exception {
        assertThat(Config.defaults().reviewChannel()).isEmpty();
        assertThat(Config.load(Optional.of(file("review_channel = 111\n")), Map.of()).reviewChannel()).contains(111L);
        assertThat(Config.load(Optional.of(file("review_channel = 111\n")), Map.of("BOT_REVIEW_CHANNEL", "222")).reviewChannel())
                .contains(222L);
    }

    @Test
    void theTokenIsNeverReadFromTheFileAndNeverEchoed() throws Exception {
        assertThatThrownBy(() -> Config.load(Optional.of(file("token = abc.def.secret\n")), Map.of()))
                .hasMessageContaining("DISCORD_TOKEN").hasMessageNotContaining("secret");
        assertThat(Config.token(Map.of("DISCORD_TOKEN", " MTAx.Ab-c.t0k_x \n"))).contains("MTAx.Ab-c.t0k_x");
        Path secret = dir.resolve("token");
        Files.writeString(secret, "MTAx.ZnJvbQ.from-file\n");
        assertThat(Config.token(Map.of("DISCORD_TOKEN_FILE", secret.toString()))).contains("MTAx.ZnJvbQ.from-file");
        assertThat(Config.token(Map.of())).isEmpty();
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN_FILE", dir.resolve("missing").toString())))
                .hasMessageStartingWith("DISCORD_TOKEN_FILE: cannot read");
    }

    @Test
    void aTokenWithABlankTabOrLineBreakIsRefusedWithoutBeingEchoed() throws Exception {
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "MTAx SECRETPART3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DISCORD_TOKEN contains a blank at character 5;")
                .hasMessageContaining("Bot page").hasMessageNotContaining("SECRETPART3").hasMessageNotContaining("MTAx");
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "MTAx.SECRET\nPART.x3")))
                .hasMessageContaining("a line break at character 12").hasMessageNotContaining("SECRET");
        Path secret = dir.resolve("token");
        Files.writeString(secret, "MTAx.SECRET\tPART.three\n");
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN_FILE", secret.toString())))
                .hasMessageContaining("file named by DISCORD_TOKEN_FILE contains a tab at character 12")
                .hasMessageNotContaining("SECRET").hasMessageNotContaining("PART");
    }

    @Test
    void aTokenWithANonAsciiOrControlCharacterIsRefusedWithoutBeingEchoed() {
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "\u201CMTAx.SECRET.part3\u201D")))
                .hasMessageContaining("DISCORD_TOKEN contains a non-ASCII character (U+201C")
                .hasMessageContaining("at character 1;").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "MTAx.SEC\u0001RET.part3")))
                .hasMessageContaining("an invisible control character (U+0001) at character 9")
                .hasMessageNotContaining("SEC");
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "MTAx.SECRET+/.part3")))
                .hasMessageContaining("the character '+', which a token never holds").hasMessageNotContaining("SECRET");
    }

    @Test
    void aTokenMustHaveThreeNonEmptyParts() {
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "client-secret-SECRET")))
                .hasMessageContaining("has 1 part separated by dots; a bot token has 3").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "MTAx.SECRET.part3.more")))
                .hasMessageContaining("has 4 parts");
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN", "MTAx..SECRET")))
                .hasMessageContaining("part 2 of the token (between the dots) is empty").hasMessageNotContaining("SECRET");
    }

    @Test
    void numericKeysAreRangeChecked() throws Exception {
        for (String v : List.of("9223372036854775807", "99999999999999999999", "-5", "9", "86401", "1.5", "60s")) {
            assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_DATASET_POLL_SECONDS", v)))
                    .as(v).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("environment variable BOT_DATASET_POLL_SECONDS: dataset.poll_seconds")
                    .hasMessageContaining("expected a whole number of seconds from 10 to 86,400");
        }
        assertThat(Config.load(Optional.empty(), Map.of("BOT_DATASET_POLL_SECONDS", "86400")).pollEvery()).hasDays(1);
        assertThat(Config.load(Optional.empty(), Map.of("BOT_DATASET_POLL_SECONDS", "10")).pollEvery()).hasSeconds(10);
    }

    @Test
    void credentialsInAUrlAreNeverEchoed() {
        assertThatThrownBy(() -> Config.load(Optional.of(file("api_base_url = ftp://desk:hunter2@proxy.example/api\n")), Map.of()))
                .hasMessageContaining("api_base_url: \"ftp://***@proxy.example/api\" is not valid")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("desk:");
        assertThat(Redact.urls("Could not reach https://u:p%40ss@proxy:8443/api/ and ws://me@gw/?x=1@2"))
                .isEqualTo("Could not reach https://***@proxy:8443/api/ and ws://***@gw/?x=1@2");
        assertThat(Redact.urls("https://discord.com/api/")).isEqualTo("https://discord.com/api/");
        assertThat(Redact.secrets("Provided: \"MTAx.a.b\" at https://a:b@h/", "MTAx.a.b"))
                .isEqualTo("Provided: \"[token]\" at https://***@h/");
    }

    @Test
    void locatesTheFile() throws Exception {
        assertThat(Config.locate(Optional.empty(), Map.of(), dir)).isEmpty();
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/bot.properties"), "");
        assertThat(Config.locate(Optional.empty(), Map.of(), dir)).contains(dir.resolve("config/bot.properties"));
        assertThatThrownBy(() -> Config.locate(Optional.of(dir.resolve("nope")), Map.of(), dir))
                .hasMessageContaining("does not exist");
    }

    @Test
    void withoutATokenRunExplainsHowToGetOneAndExitsWith2() {
        assumeTrue(System.getenv("DISCORD_TOKEN") == null && System.getenv("DISCORD_TOKEN_FILE") == null);
        for (List<String> args : List.of(List.<String>of(), List.of("run"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(2);
            assertThat(said).contains("DISCORD_TOKEN").contains("scope=bot+applications.commands")
                    .contains("permissions=52224").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(said.strip().lines()).hasSize(1);
        }
    }

    @Test
    void datasetFetchLimitsHaveDefaultsAndRanges() throws Exception {
        Config d = Config.defaults();
        assertThat(d.fetchTimeout()).hasSeconds(60);
        assertThat(d.fetchMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(d.allowPrivateHosts()).isFalse();
        Config c = Config.load(Optional.of(file("dataset.fetch_timeout_seconds = 5\ndataset.max_bytes = 1048576\n")),
                Map.of("BOT_DATASET_ALLOW_PRIVATE_HOSTS", "true"));
        assertThat(c.fetchTimeout()).hasSeconds(5);
        assertThat(c.fetchMaxBytes()).isEqualTo(1048576);
        assertThat(c.allowPrivateHosts()).isTrue();
        for (String bad : List.of("0", "3601", "-1", "9223372036854775807", "1e3", "ten")) {
            assertThatThrownBy(() -> Config.load(Optional.of(file("dataset.fetch_timeout_seconds = " + bad + "\n")), Map.of()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("dataset.fetch_timeout_seconds")
                    .hasMessageContaining("from 1 to 3,600");
        }
        for (String bad : List.of("100", "536870913", "99999999999999999999", "64MB")) {
            assertThatThrownBy(() -> Config.load(Optional.of(file("dataset.max_bytes = " + bad + "\n")), Map.of()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("dataset.max_bytes");
        }
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_DATASET_ALLOW_PRIVATE_HOSTS", "maybe")))
                .hasMessageContaining("true or false");
    }

    @Test
    void storageUrlIsPostgresOnlyAndNeverCarriesAPassword() throws Exception {
        assertThat(Config.defaults().storageUrl()).isEmpty();
        assertThat(Config.load(Optional.empty(), Map.of("BOT_STORAGE_URL", "jdbc:postgresql://127.0.0.1:5432/newsdesk?user=bot"))
                .storageUrl()).contains("jdbc:postgresql://127.0.0.1:5432/newsdesk?user=bot");
        assertThat(Config.load(Optional.of(file("storage.url = jdbc:postgresql://db.lan/newsdesk?user=bot&ssl=true\n")), Map.of())
                .storageUrl()).contains("jdbc:postgresql://db.lan/newsdesk?user=bot&ssl=true");
        for (String url : List.of("jdbc:postgresql://db.lan/newsdesk?user=bot&password=pw-SECRET",
                "jdbc:postgresql://db.lan/newsdesk?PASSWORD=pw-SECRET", "jdbc:postgresql://bot:pw-SECRET@db.lan/newsdesk")) {
            assertThatThrownBy(() -> Config.load(Optional.of(file("storage.url = " + url + "\n")), Map.of()))
                    .as(url).isInstanceOf(ConfigException.class)
                    .hasMessageEndingWith("storage.url: it carries a password (or user:password@); remove it from the URL and set "
                            + "BOT_STORAGE_PASSWORD, or BOT_STORAGE_PASSWORD_FILE naming a file that holds it.")
                    .hasMessageNotContaining("pw-SECRET");
        }
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_STORAGE_URL", "jdbc:mysql://db.lan/newsdesk")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("environment variable BOT_STORAGE_URL: storage.url: "
                        + "it is not a JDBC URL of PostgreSQL").hasMessageNotContaining("db.lan");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_STORAGE_URL", "jdbc:postgresql://db.lan/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("names no host or no database");
        // a primary and its standbys, tried in turn by the driver; IPv6 in brackets; the default port named
        assertThat(Storage.Postgres.of("jdbc:postgresql://db1.lan:5432,db2.lan/newsdesk?user=bot&targetServerType=primary",
                Optional.empty()).where()).isEqualTo("db1.lan:5432,db2.lan:5432/newsdesk");
        assertThat(Storage.Postgres.of("jdbc:postgresql://[::1]:6432/newsdesk?user=bot", Optional.empty()).where())
                .isEqualTo("[::1]:6432/newsdesk");
        for (String url : List.of("jdbc:postgresql://db1.lan,,db2.lan/newsdesk", "jdbc:postgresql://db1.lan:5432,/newsdesk",
                "jdbc:postgresql://db 1.lan/newsdesk")) {
            assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_STORAGE_URL", url))).as(url)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("its host list is not host:port");
        }
        assertThatThrownBy(() -> Config.load(Optional.of(file("storage.password = pw-SECRET\n")), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the password is never read from the config file")
                .hasMessageNotContaining("pw-SECRET");
    }

    @Test
    void theStoragePasswordComesFromTheEnvironmentOrASecretFile() throws Exception {
        assertThat(Config.storagePassword(Map.of())).isEmpty();
        assertThat(Config.storagePassword(Map.of("BOT_STORAGE_PASSWORD", "p w"))).contains("p w");
        Path secret = dir.resolve("pg-password");
        Files.writeString(secret, "s3cret\n");
        assertThat(Config.storagePassword(Map.of("BOT_STORAGE_PASSWORD_FILE", secret.toString()))).contains("s3cret");
        Files.writeString(secret, "");
        assertThatThrownBy(() -> Config.storagePassword(Map.of("BOT_STORAGE_PASSWORD_FILE", secret.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> Config.storagePassword(Map.of("BOT_STORAGE_PASSWORD_FILE", dir.resolve("none").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read the file");
    }
}
