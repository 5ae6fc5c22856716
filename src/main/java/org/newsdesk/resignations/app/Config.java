package org.newsdesk.resignations.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.ShardPlan;
import org.newsdesk.resignations.store.Storage;
import org.newsdesk.resignations.ops.HttpAddress;
import org.newsdesk.resignations.ops.Logs;

/**
 * The bot's configuration: a {@code key = value} file (see {@code config/bot.example.properties};
 * every key optional) with environment variables overriding it. An unknown key, a repeated key,
 * a line that is not {@code key = value}, or a value that does not parse stops the start-up with
 * a sentence that names the key. The token is never read from here: see {@link #token}.
 *
 * @param guilds             servers to register the commands in instantly (else global registration)
 * @param defaultLanguage    reply language when nothing else decides it
 * @param editorRole         role id of the newsroom's editors, who may add entries ({@code /resignations add})
 * @param adminChannel       channel id where the bot tells the admins what failed (a refused dataset, an
 *                           unreachable dataset URL, a background task that failed)
 * @param apiBaseUrl         Discord's REST base URL, or a proxy's
 * @param gatewayUrl         Discord's gateway URL, or a proxy's
 * @param gatewayCompression zlib-stream on the gateway (on by default; off for simple proxies and tests)
 * @param datasets           dataset files instead of (or merged on top of) the bundled one, later ones winning by id
 * @param dataDir            where the bot keeps its state (notifications database); created on demand
 * @param mergeBundled       dataset files are merged on top of the bundled dataset instead of replacing it
 * @param datasetUrl         a dataset published at an http(s) URL, polled with ETag
 * @param pollEvery          how often the URL is polled
 * @param fetchTimeout       the whole exchange with the dataset URL (connection, headers, body, redirects)
 * @param fetchMaxBytes      the largest dataset body the URL may send
 * @param allowPrivateHosts  the dataset URL may be on a loopback or private address (a LAN server; tests)
 * @param claimReviewBaseUrl the newsroom's own fact-check page; ClaimReview exports link their reviews there
 *                           (and carry no url when it is not set)
 * @param maxAnnouncedAdditions more new entries than this in one load are announced as one summary message per channel
 * @param allowEmpty         a dataset with no entry may replace one that has entries (else refused like an invalid file)
 * @param storageUrl         a JDBC URL of PostgreSQL holding the state instead of SQLite in {@code dataDir} (a fleet of
 *                           processes); checked to carry no password (that comes from {@link #storagePassword})
 * @param httpAddress        where /healthz, /readyz and /metrics are served; empty when {@code off}
 * @param logFormat          text lines, or JSON lines for log shippers
 * @param logLevel           the root log level (TRACE … ERROR); empty: logback.xml's (INFO)
 * @param reviewChannel      channel id where entries added from Discord wait for a second editor's review
 * @param shards             the gateway shards this process runs ({@code shards.total}, {@code shards.ids}); by
 *                           default all, as many as Discord recommends
 */
public record Config(List<Long> guilds, Lang defaultLanguage, Optional<Long> editorRole, Optional<Long> adminChannel,
                     Optional<String> apiBaseUrl, Optional<String> gatewayUrl, boolean gatewayCompression,
                     List<Path> datasets, Path dataDir, boolean mergeBundled, Optional<String> datasetUrl,
                     Duration pollEvery, Duration fetchTimeout, long fetchMaxBytes,
                     boolean allowPrivateHosts, Optional<String> claimReviewBaseUrl, int maxAnnouncedAdditions,
                     boolean allowEmpty, Optional<String> storageUrl, Optional<HttpAddress> httpAddress,
                     Logs.Format logFormat, Optional<String> logLevel,
                     Optional<Long> reviewChannel, ShardPlan shards) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final long DEFAULT_FETCH_MAX_BYTES = 64L * 1024 * 1024;

    public static final String TOKEN_ENV = "DISCORD_TOKEN";
    public static final String TOKEN_FILE_ENV = "DISCORD_TOKEN_FILE";
    public static final String STORAGE_PASSWORD_ENV = "BOT_STORAGE_PASSWORD";
    public static final String STORAGE_PASSWORD_FILE_ENV = "BOT_STORAGE_PASSWORD_FILE";
    public static final String CONFIG_ENV = "BOT_CONFIG";
    public static final Path DEFAULT_FILE = Path.of("config", "bot.properties");

    /** Every key, with the environment variable that overrides it. */
    public static final Map<String, String> KEYS;

    static {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("guilds", "DISCORD_GUILDS");
        k.put("default_language", "BOT_DEFAULT_LANGUAGE");
        k.put("editor_role", "DISCORD_EDITOR_ROLE");
        k.put("admin_channel", "DISCORD_ADMIN_CHANNEL");
        k.put("api_base_url", "DISCORD_API_BASE_URL");
        k.put("gateway_url", "DISCORD_GATEWAY_URL");
        k.put("gateway_compression", "DISCORD_GATEWAY_COMPRESSION");
        k.put("dataset.paths", "BOT_DATASET");
        k.put("dataset.mode", "BOT_DATASET_MODE");
        k.put("dataset.url", "BOT_DATASET_URL");
        k.put("dataset.poll_seconds", "BOT_DATASET_POLL_SECONDS");
        k.put("storage.dir", "BOT_DATA_DIR");
        k.put("dataset.fetch_timeout_seconds", "BOT_DATASET_FETCH_TIMEOUT_SECONDS");
        k.put("dataset.max_bytes", "BOT_DATASET_MAX_BYTES");
        k.put("dataset.allow_private_hosts", "BOT_DATASET_ALLOW_PRIVATE_HOSTS");
        k.put("export.claimreview_base_url", "BOT_CLAIMREVIEW_BASE_URL");
        k.put("notify.max_announced_additions", "BOT_NOTIFY_MAX_ANNOUNCED_ADDITIONS");
        k.put("dataset.allow_empty", "BOT_DATASET_ALLOW_EMPTY");
        k.put("storage.url", "BOT_STORAGE_URL");
        k.put("http.address", "BOT_HTTP_ADDRESS");
        k.put("log.format", "BOT_LOG_FORMAT");
        k.put("log.level", "BOT_LOG_LEVEL");
        k.put("review_channel", "BOT_REVIEW_CHANNEL");
        k.put("shards.total", "DISCORD_SHARDS_TOTAL");
        k.put("shards.ids", "DISCORD_SHARD_IDS");
        KEYS = Collections.unmodifiableMap(k);
    }

    /** Names the first releases used, and what they are called now (a clear message beats "unknown key"). */
    static final Map<String, String> RENAMED = Map.of(
            "dataset", "dataset.paths", "data_dir", "storage.dir", "dataset_mode", "dataset.mode",
            "dataset_url", "dataset.url", "dataset_poll_seconds", "dataset.poll_seconds");

    public Config {
        guilds = List.copyOf(guilds);
        datasets = List.copyOf(datasets);
    }

    public static Config defaults() {
        return new Config(List.of(), Lang.EN, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                true, List.of(), DEFAULT_DATA_DIR, false, Optional.empty(), Duration.ofSeconds(60),
                Duration.ofSeconds(60), DEFAULT_FETCH_MAX_BYTES, false, Optional.empty(), 10, false, Optional.empty(),
                Optional.of(HttpAddress.DEFAULT), Logs.Format.TEXT, Optional.empty(), Optional.empty(),
                ShardPlan.all());
    }

    /**
     * Reads the file (when given) and then the environment.
     *
     * @param file a config file; it must exist when given
     */
    public static Config load(Optional<Path> file, Map<String, String> env) throws ConfigException {
        Map<String, Valued> values = new LinkedHashMap<>();
        if (file.isPresent()) {
            values.putAll(readFile(file.get()));
        }
        for (Map.Entry<String, String> k : KEYS.entrySet()) {
            String v = env.get(k.getValue());
            if (v != null && !v.isBlank()) {
                values.put(k.getKey(), new Valued(v.strip(), "environment variable " + k.getValue()));
            }
        }
        Config c = defaults();
        List<Long> guilds = c.guilds();
        Lang lang = c.defaultLanguage();
        Optional<Long> editor = c.editorRole();
        Optional<Long> admin = c.adminChannel();
        Optional<String> api = c.apiBaseUrl();
        Optional<String> gateway = c.gatewayUrl();
        boolean compression = c.gatewayCompression();
        List<Path> datasets = c.datasets();
        Path dataDir = c.dataDir();
        boolean merge = c.mergeBundled();
        Optional<String> datasetUrl = c.datasetUrl();
        Duration poll = c.pollEvery();
        Duration fetchTimeout = c.fetchTimeout();
        long fetchMax = c.fetchMaxBytes();
        boolean allowPrivate = c.allowPrivateHosts();
        Optional<String> claimReviewBase = c.claimReviewBaseUrl();
        int maxAdditions = c.maxAnnouncedAdditions();
        boolean allowEmpty = c.allowEmpty();
        Optional<String> storageUrl = c.storageUrl();
        Optional<HttpAddress> http = c.httpAddress();
        Logs.Format logFormat = c.logFormat();
        Optional<String> logLevel = c.logLevel();
        Optional<Long> review = c.reviewChannel();
        Optional<Integer> shardsTotal = c.shards().total();
        Set<Integer> shardIds = c.shards().ids();
        for (Map.Entry<String, Valued> e : values.entrySet()) {
            String key = e.getKey();
            Valued v = e.getValue();
            switch (key) {
                case "guilds" -> guilds = ids(key, v);
                case "default_language" -> lang = Lang.parse(v.value()).orElseThrow(() -> bad(key, v, "en or ar"));
                case "editor_role" -> editor = Optional.of(id(key, v, v.value()));
                case "admin_channel" -> admin = Optional.of(id(key, v, v.value()));
                case "review_channel" -> review = Optional.of(id(key, v, v.value()));
                case "api_base_url" -> api = Optional.of(url(key, v, List.of("http", "https")));
                case "gateway_url" -> gateway = Optional.of(url(key, v, List.of("ws", "wss")));
                case "gateway_compression" -> compression = switch (v.value().toLowerCase(Locale.ROOT)) {
                    case "zlib", "zlib-stream", "on", "true" -> true;
                    case "none", "off", "false" -> false;
                    default -> throw bad(key, v, "zlib or none");
                };
                case "dataset.paths" -> datasets = paths(key, v);
                case "storage.dir" -> dataDir = Path.of(v.value());
                case "dataset.url" -> datasetUrl = Optional.of(url(key, v, List.of("http", "https")));
                case "dataset.poll_seconds" -> poll = Duration.ofSeconds(number(key, v, 10, 86_400, "seconds"));
                case "dataset.mode" -> merge = switch (v.value().toLowerCase(Locale.ROOT)) {
                    case "merge" -> true;
                    case "replace" -> false;
                    default -> throw bad(key, v, "replace or merge");
                };
                case "dataset.fetch_timeout_seconds" ->
                        fetchTimeout = Duration.ofSeconds(number(key, v, 1, 3600, "seconds"));
                case "dataset.max_bytes" -> fetchMax = number(key, v, 1024, DatasetLoader.MAX_FILE_BYTES,
                        "bytes");
                case "notify.max_announced_additions" -> maxAdditions = (int) number(key, v, 0, 100_000, "entries");
                case "dataset.allow_empty" -> allowEmpty = switch (v.value().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw bad(key, v, "true or false");
                };
                case "dataset.allow_private_hosts" -> allowPrivate = switch (v.value().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw bad(key, v, "true or false");
                };
                case "export.claimreview_base_url" -> claimReviewBase = Optional.of(url(key, v, List.of("https")));
                case "storage.url" -> {
                    // never echoed: it might hold a password
                    Optional<String> problem = Storage.Postgres.check(v.value());
                    if (problem.isPresent()) {
                        throw new ConfigException(v.where() + ": storage.url: " + problem.get());
                    }
                    storageUrl = Optional.of(v.value());
                }
                case "http.address" -> {
                    try {
                        http = HttpAddress.parse(v.value());
                    } catch (IllegalArgumentException notAddress) {
                        throw bad(key, v, notAddress.getMessage());
                    }
                }
                case "log.format" -> logFormat = Logs.Format.parse(v.value()).orElseThrow(() -> bad(key, v, "text or json"));
                case "log.level" -> {
                    String l = v.value().toUpperCase(Locale.ROOT);
                    if (!Logs.LEVELS.contains(l)) {
                        throw bad(key, v, String.join(", ", Logs.LEVELS));
                    }
                    logLevel = Optional.of(l);
                }
                case "shards.total" -> shardsTotal = Optional.of((int) number(key, v, 1, ShardPlan.MAX_TOTAL, "shards"));
                case "shards.ids" -> {
                    try {
                        shardIds = ShardPlan.parseIds(v.value());
                    } catch (IllegalArgumentException bad) {
                        throw new ConfigException(v.where() + ": shards.ids: " + bad.getMessage() + ".");
                    }
                }
                default -> throw new IllegalStateException("unhandled key " + key);
            }
        }
        ShardPlan shards;
        try {
            shards = new ShardPlan(shardsTotal, shardIds);
        } catch (IllegalArgumentException e) {
            String where = values.containsKey("shards.ids") ? values.get("shards.ids").where() + ": shards.ids"
                    : values.get("shards.total").where() + ": shards.total";
            throw new ConfigException(where + ": " + e.getMessage() + ".");
        }
        return new Config(guilds, lang, editor, admin, api, gateway, compression, datasets, dataDir, merge, datasetUrl, poll,
                fetchTimeout, fetchMax, allowPrivate, claimReviewBase, maxAdditions, allowEmpty, storageUrl, http, logFormat,
                logLevel, review, shards);
    }

    /**
     * The bot token: {@code DISCORD_TOKEN}, or the first line of the file named by
     * {@code DISCORD_TOKEN_FILE}. Never logged, never in the config file. Its shape is checked
     * ({@link TokenCheck}): a token with a blank or a pasted curly quote stops the start-up with a
     * sentence that says where the fault is, without the token.
     */
    public static Optional<String> token(Map<String, String> env) throws ConfigException {
        String direct = env.get(TOKEN_ENV);
        if (direct != null && !direct.isBlank()) {
            return Optional.of(checked(direct.strip(), TOKEN_ENV));
        }
        String file = env.get(TOKEN_FILE_ENV);
        if (file != null && !file.isBlank()) {
            try {
                String t = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
                if (t.isEmpty()) {
                    throw new ConfigException(TOKEN_FILE_ENV + ": the file " + file.strip() + " is empty.");
                }
                return Optional.of(checked(t.lines().findFirst().orElse("").strip(),
                        "The token in the file named by " + TOKEN_FILE_ENV));
            } catch (IOException e) {
                throw new ConfigException(TOKEN_FILE_ENV + ": cannot read the file " + file.strip() + " ("
                        + e.getClass().getSimpleName() + ").");
            }
        }
        return Optional.empty();
    }

    /**
     * The PostgreSQL password: {@code BOT_STORAGE_PASSWORD}, or the first line of the file named by
     * {@code BOT_STORAGE_PASSWORD_FILE}; empty when neither is set (a server that trusts the host, or
     * a .pgpass). Never logged, never in the config file or the URL.
     */
    public static Optional<String> storagePassword(Map<String, String> env) throws ConfigException {
        String direct = env.get(STORAGE_PASSWORD_ENV);
        if (direct != null && !direct.isEmpty()) {
            return Optional.of(direct);
        }
        String file = env.get(STORAGE_PASSWORD_FILE_ENV);
        if (file != null && !file.isBlank()) {
            try {
                String pw = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (pw.isEmpty()) {
                    throw new ConfigException(STORAGE_PASSWORD_FILE_ENV + ": the file " + file.strip()
                            + " is empty; put the password on its first line.");
                }
                return Optional.of(pw);
            } catch (IOException e) {
                throw new ConfigException(STORAGE_PASSWORD_FILE_ENV + ": cannot read the file " + file.strip() + " ("
                        + e.getClass().getSimpleName() + ").");
            }
        }
        return Optional.empty();
    }

    /** The token when it has a bot token's shape; else a sentence that says what is wrong, never the token. */
    private static String checked(String token, String where) throws ConfigException {
        Optional<String> problem = TokenCheck.problem(token, where);
        if (problem.isPresent()) {
            throw new ConfigException(problem.get());
        }
        return token;
    }

    /** The file to read: the one given, else {@code BOT_CONFIG}, else config/bot.properties if present. */
    public static Optional<Path> locate(Optional<Path> given, Map<String, String> env, Path workingDir) throws ConfigException {
        Optional<Path> chosen = given.or(() -> Optional.ofNullable(env.get(CONFIG_ENV)).filter(s -> !s.isBlank()).map(Path::of));
        if (chosen.isPresent()) {
            if (!Files.isRegularFile(chosen.get())) {
                throw new ConfigException("config file " + chosen.get() + " does not exist.");
            }
            return chosen;
        }
        Path def = workingDir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(def) ? Optional.of(def) : Optional.empty();
    }

    // ---- parsing ---------------------------------------------------------------------------------

    private record Valued(String value, String where) {
    }

    private static Map<String, Valued> readFile(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + " (" + e.getClass().getSimpleName() + ").");
        }
        Map<String, Valued> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (eq < 0) {
                throw new ConfigException(where + ": \"" + key + "\" is not of the form key = value.");
            }
            if (key.equals("token") || key.equals("discord_token")) {
                throw new ConfigException(where + ": " + key + ": the token is never read from the config file;"
                        + " set " + TOKEN_ENV + " or " + TOKEN_FILE_ENV + " instead.");
            }
            if (key.equals("storage.password")) {
                throw new ConfigException(where + ": storage.password: the password is never read from the config file;"
                        + " set " + STORAGE_PASSWORD_ENV + " or " + STORAGE_PASSWORD_FILE_ENV + " instead.");
            }
            if (RENAMED.containsKey(key)) {
                throw new ConfigException(where + ": the key \"" + key + "\" is now called \"" + RENAMED.get(key) + "\".");
            }
            if (!KEYS.containsKey(key)) {
                throw new ConfigException(where + ": unknown key \"" + key + "\". Known keys: "
                        + String.join(", ", KEYS.keySet()) + ".");
            }
            if (out.containsKey(key)) {
                throw new ConfigException(where + ": the key \"" + key + "\" is given twice.");
            }
            String value = line.substring(eq + 1).strip();
            if (!value.isEmpty()) {
                out.put(key, new Valued(value, where));
            }
        }
        return out;
    }

    private static ConfigException bad(String key, Valued v, String expected) {
        String value = Redact.urls(v.value());   // a proxy URL may carry user:password
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return new ConfigException(v.where() + ": " + key + ": \"" + shown + "\" is not valid; expected " + expected + ".");
    }

    /**
     * A whole number within [min, max]; anything else (letters, a fraction, a value past the range,
     * one that would overflow later arithmetic) names the key and the allowed range.
     */
    private static long number(String key, Valued v, long min, long max, String unit) throws ConfigException {
        String expected = String.format(Locale.ROOT, "a whole number of %s from %,d to %,d", unit, min, max);
        String s = v.value();
        if (!s.matches("[+-]?[0-9]{1,19}")) {
            throw bad(key, v, expected);
        }
        try {
            long n = Long.parseLong(s);
            if (n < min || n > max) {
                throw bad(key, v, expected);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, v, expected);
        }
    }

    private static List<Long> ids(String key, Valued v) throws ConfigException {
        List<Long> out = new ArrayList<>();
        for (String part : v.value().split("[,\\s]+")) {
            if (!part.isEmpty()) {
                out.add(id(key, v, part));
            }
        }
        return out.stream().distinct().collect(Collectors.toList());
    }

    /** Comma-separated paths, in order; none may be blank. */
    private static List<Path> paths(String key, Valued v) throws ConfigException {
        List<Path> out = new ArrayList<>();
        for (String part : v.value().split(",", -1)) {
            if (part.isBlank()) {
                throw bad(key, v, "file paths separated by commas, none empty");
            }
            try {
                out.add(Path.of(part.strip()));
            } catch (InvalidPathException e) {
                throw bad(key, v, "file paths separated by commas");
            }
        }
        return out;
    }

    private static long id(String key, Valued v, String s) throws ConfigException {
        if (!s.matches("[0-9]{1,20}")) {
            throw bad(key, v, "a Discord id, a number such as 123456789012345678");
        }
        try {
            long id = Long.parseUnsignedLong(s);
            if (id == 0) {
                throw bad(key, v, "a Discord id, a number such as 123456789012345678");
            }
            return id;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a Discord id, a number such as 123456789012345678");
        }
    }

    private static String url(String key, Valued v, List<String> schemes) throws ConfigException {
        try {
            URI u = new URI(v.value());
            if (u.getScheme() == null || !schemes.contains(u.getScheme().toLowerCase(Locale.ROOT)) || u.getHost() == null) {
                throw bad(key, v, "a " + String.join(" or ", schemes) + " URL");
            }
            return v.value();
        } catch (URISyntaxException e) {
            throw bad(key, v, "a " + String.join(" or ", schemes) + " URL");
        }
    }
}
