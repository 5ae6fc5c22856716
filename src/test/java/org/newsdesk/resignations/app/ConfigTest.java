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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.Lang;

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
        assertThat(c.apiBaseUrl()).contains("https://discord.com/api/v10/");
        assertThat(c.gatewayUrl()).contains("wss://gateway.discord.gg");
        assertThat(c.gatewayCompression()).isTrue();
        assertThat(c.datasets()).containsExactly(Path.of("/srv/desk/resignations.json"), Path.of("/srv/desk/corrections.json"));
        assertThat(c.mergeBundled()).isFalse();
        assertThat(c.datasetUrl()).contains("https://example.org/desk/resignations.json");
        assertThat(c.pollEvery()).hasSeconds(60);
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.maxAnnouncedAdditions()).isEqualTo(10);
        assertThat(c.allowEmpty()).isFalse();
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
                .hasMessageContaining("notify.max_announced_additions").hasMessageContaining("from 0 to 100000");
        assertThatThrownBy(() -> Config.load(Optional.of(file("dataset.allow_empty = maybe\n")), Map.of()))
                .hasMessageContaining("dataset.allow_empty").hasMessageContaining("true or false");
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
    }

    @Test
    void theTokenIsNeverReadFromTheFileAndNeverEchoed() throws Exception {
        assertThatThrownBy(() -> Config.load(Optional.of(file("token = abc.def.secret\n")), Map.of()))
                .hasMessageContaining("DISCORD_TOKEN").hasMessageNotContaining("secret");
        assertThat(Config.token(Map.of("DISCORD_TOKEN", " t0k \n"))).contains("t0k");
        Path secret = dir.resolve("token");
        Files.writeString(secret, "from-file\n");
        assertThat(Config.token(Map.of("DISCORD_TOKEN_FILE", secret.toString()))).contains("from-file");
        assertThat(Config.token(Map.of())).isEmpty();
        assertThatThrownBy(() -> Config.token(Map.of("DISCORD_TOKEN_FILE", dir.resolve("missing").toString())))
                .hasMessageStartingWith("DISCORD_TOKEN_FILE: cannot read");
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
}
