package org.newsdesk.resignations.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the bot connects and behaves; built by the app from its configuration. Nothing here is
 * secret: the token is passed separately and never stored with the options.
 *
 * @param guilds           servers to register the commands in instantly; empty means global registration
 * @param apiBaseUrl       Discord's REST base URL, or a proxy in front of it (empty: Discord's own)
 * @param gatewayUrl       the gateway URL, {@code wss://} or {@code ws://} (empty: Discord's own)
 * @param compressGateway  zlib-stream transport compression on the gateway (on against Discord)
 * @param editorRole       the server role that may use editor commands, besides Manage Server
 * @param deferAfter       a reply still being worked on after this long is deferred first
 * @param inline           command paths ("resignations who") answered on JDA's event thread: the
 *                         in-memory lookups, which take microseconds. Every other command runs on
 *                         the worker pool, so a slow one (a chart, an export, a fetch) never holds
 *                         up the others. Either way a reply not ready after {@code deferAfter} is
 *                         deferred.
 * @param replyCache       how many replies of the inline commands to keep, keyed by dataset version,
 *                         command and language (a reporter's second "who" costs no lookup); 0: none
 * @param leaveAlone       top-level command names this bot does not answer (another listener does)
 * @param extraListeners   further JDA event listeners on the same client (benchmarks, later features)
 * @param rateLimited      told of every 429 Discord answers, with its X-RateLimit-Scope (user, global,
 *                         shared; empty when absent): the operator's metrics. JDA waits and retries by itself.
 * @param reviewChannel    where entries sent for review are posted as cards with their buttons
 * @param shards           the gateway shards this process runs (default: all, as many as Discord recommends)
 */
public record DiscordOptions(List<Long> guilds, Optional<String> apiBaseUrl, Optional<String> gatewayUrl,
                             boolean compressGateway, Optional<Long> editorRole, Duration deferAfter,
                             Set<String> inline, int replyCache, Set<String> leaveAlone, List<Object> extraListeners,
                             Consumer<String> rateLimited, Optional<Long> reviewChannel,
                             ShardPlan shards) {

    /** Under Discord's 3 s deadline with room for the defer request itself. */
    public static final Duration DEFAULT_DEFER_AFTER = Duration.ofMillis(2000);

    /**
     * The /resignations subcommands that only look things up in the in-memory snapshot; not
     * timeline and stats (they draw a chart) nor export (it builds a file).
     */
    public static final Set<String> IN_MEMORY = Set.of("resignations who", "resignations list", "resignations about");

    public DiscordOptions {
        guilds = List.copyOf(guilds);
        inline = Set.copyOf(inline);
        leaveAlone = Set.copyOf(leaveAlone);
        extraListeners = List.copyOf(extraListeners);
        if (replyCache < 0) {
            throw new IllegalArgumentException("replyCache must be 0 or more");
        }
        if (deferAfter.isNegative() || deferAfter.compareTo(Duration.ofMillis(2500)) > 0) {
            throw new IllegalArgumentException("deferAfter must be between 0 and 2.5 s, Discord allows 3 s");
        }
    }

    public static DiscordOptions defaults() {
        return new DiscordOptions(List.of(), Optional.empty(), Optional.empty(), true, Optional.empty(),
                DEFAULT_DEFER_AFTER, IN_MEMORY, 1_000, Set.of(), List.of(), scope -> { }, Optional.empty(), ShardPlan.all());
    }

    public DiscordOptions withGuilds(List<Long> ids) {
        return new DiscordOptions(ids, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, inline, replyCache, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withEndpoints(Optional<String> api, Optional<String> gateway) {
        return new DiscordOptions(guilds, api, gateway, compressGateway, editorRole, deferAfter, inline, replyCache, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withCompression(boolean on) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, on, editorRole, deferAfter, inline, replyCache, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withEditorRole(Optional<Long> role) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, role, deferAfter, inline, replyCache, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withDeferAfter(Duration d) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, d, inline, replyCache, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withInline(Set<String> paths) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, paths, replyCache, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withReplyCache(int size) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, inline, size, leaveAlone, extraListeners, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withRateLimitListener(Consumer<String> listener) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, inline, replyCache, leaveAlone, extraListeners, listener, reviewChannel, shards);
    }

    /** Adds a listener that answers the named commands itself (e.g. a benchmark's ping). */
    public DiscordOptions withExtraListener(Object listener, Set<String> commands) {
        Set<String> names = new HashSet<>(leaveAlone);
        names.addAll(commands);
        List<Object> ls = new ArrayList<>(extraListeners);
        ls.add(listener);
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, inline, replyCache, names, ls, rateLimited, reviewChannel, shards);
    }

    public DiscordOptions withReviewChannel(Optional<Long> channel) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, inline, replyCache,
                leaveAlone, extraListeners, rateLimited, channel, shards);
    }

    public DiscordOptions withShards(ShardPlan plan) {
        return new DiscordOptions(guilds, apiBaseUrl, gatewayUrl, compressGateway, editorRole, deferAfter, inline, replyCache,
                leaveAlone, extraListeners, rateLimited, reviewChannel, plan);
    }
}
