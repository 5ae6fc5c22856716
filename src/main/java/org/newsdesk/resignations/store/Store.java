package org.newsdesk.resignations.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.Lang;

/**
 * The bot's durable state: the one entry point that opens a {@link Database} (SQLite or
 * PostgreSQL, see {@link Storage}) and hands out its tables, {@link ServerSettings},
 * {@link Subscriptions}, {@link Ledger}, {@link Outbox}, {@link Processes}, {@link FleetState},
 * {@link Drafts} and {@link SharedFiles}, and the fleet's {@link FleetLock}. Code uses the tables ({@link #settings()}, {@link #channels()}, …), each given
 * only the one it needs; the delegating methods below are shorthands the tests use, nothing more.
 * Kept as one entry so opening, migrating and closing happen in one place, and the tables share
 * one database (and one process id for claims).
 */
public final class Store implements AutoCloseable {

    public static final String FILE = Database.FILE;

    private final Database db;
    private final ServerSettings settings;
    private final Subscriptions subscriptions;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Processes processes;
    private final FleetState fleet;
    private final Drafts drafts;
    private final SharedFiles files;
    private final FleetLock lock;

    private Store(Database db, Outbox outbox) {
        this.db = db;
        this.settings = new ServerSettings(db);
        this.subscriptions = new Subscriptions(db);
        this.ledger = new Ledger(db);
        this.outbox = outbox;
        this.processes = new Processes(db);
        this.fleet = new FleetState(db);
        this.drafts = new Drafts(db);
        this.files = new SharedFiles(db);
        this.lock = new FleetLock(db);
    }

    /** Opens (creating the directory and file on demand) and brings the schema up to date. */
    public static Store open(Path dataDir) {
        return open(dataDir, List.of());
    }

    /** @see Database#open */
    public static Store open(Path dataDir, List<String> pragmas) {
        return open(new Storage.Sqlite(dataDir, pragmas));
    }

    /** Opens SQLite or PostgreSQL, claiming outbox rows as {@link Outbox#defaultClaimant()}. */
    public static Store open(Storage storage) {
        return open(storage, Outbox.defaultClaimant(), Outbox.DEFAULT_LEASE);
    }

    /**
     * @param processId who claims outbox rows (a fleet's process id, stable across restarts)
     * @param lease     how long a claim holds an outbox row
     * @see Database#open(Storage)
     */
    public static Store open(Storage storage, String processId, Duration lease) {
        Database db = Database.open(storage);
        return new Store(db, new Outbox(db, processId, lease));
    }

    public Database.Dialect dialect() {
        return db.dialect();
    }

    @Override
    public void close() {
        db.close();
    }

    public ServerSettings settings() {
        return settings;
    }

    public Subscriptions channels() {
        return subscriptions;
    }

    public Ledger entries() {
        return ledger;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Processes processes() {
        return processes;
    }

    public FleetState fleet() {
        return fleet;
    }

    public Drafts drafts() {
        return drafts;
    }

    public SharedFiles sharedFiles() {
        return files;
    }

    public FleetLock fleetLock() {
        return lock;
    }

    // ---- delegation ------------------------------------------------------------------------------

    public Optional<Lang> language(long guildId) {
        return settings.language(guildId);
    }

    public void setLanguage(long guildId, Lang lang, long now) {
        settings.setLanguage(guildId, lang, now);
    }

    public void subscribe(long guildId, long channelId, boolean corrections, long by, long now) {
        subscriptions.subscribe(guildId, channelId, corrections, by, now);
    }

    public boolean unsubscribe(long guildId, long channelId) {
        return subscriptions.unsubscribe(guildId, channelId);
    }

    public List<Subscriptions.Subscription> subscriptions(long guildId) {
        return subscriptions.ofServer(guildId);
    }

    public Optional<Subscriptions.Subscription> subscription(long channelId) {
        return subscriptions.ofChannel(channelId);
    }

    public boolean hasBaseline() {
        return ledger.hasBaseline();
    }

    public Set<String> withheld() {
        return ledger.withheld();
    }

    public Map<String, Ledger.LedgerRow> ledger() {
        return ledger.rows();
    }

    public long eventCount() {
        return ledger.eventCount();
    }

    /** A load without removals, withheld entries or a summary. */
    public int record(String version, boolean baseline, List<Ledger.LedgerRow> changed, List<Ledger.NewEvent> events, long now) {
        return ledger.record(version, baseline, new Ledger.Changes(changed, List.of(), List.of(), List.of(), events, 0), now);
    }

    public int record(String version, boolean baseline, Ledger.Changes changes, long now) {
        return ledger.record(version, baseline, changes, now);
    }

    public long queueNote(long channelId, String text, long now) {
        return outbox.queueNote(channelId, text, now);
    }

    public long queueTest(long channelId, long guildId, long now) {
        return outbox.queueTest(channelId, guildId, now);
    }

    public int recoverInFlight(long now) {
        return outbox.recoverInFlight(now);
    }

    public List<Outbox.Claimed> claimDue(long now, int limit) {
        return outbox.claimDue(now, limit);
    }

    public boolean delivered(long id, String attemptId, long messageId, long now) {
        return outbox.delivered(id, attemptId, messageId, now);
    }

    public boolean retryAt(long id, String attemptId, long at, String error, long now) {
        return outbox.retryAt(id, attemptId, at, error, now);
    }

    public boolean failed(long id, String attemptId, String error, long now) {
        return outbox.failed(id, attemptId, error, now);
    }

    public void disable(long id, String attemptId, long channelId, String reason, Optional<Long> adminChannel,
                        String adminNote, long now) {
        outbox.disable(id, attemptId, channelId, reason, adminChannel, adminNote, now);
    }

    public Map<Outbox.State, Integer> outboxCounts() {
        return outbox.counts();
    }

    public int pendingFor(long guildId) {
        return outbox.pendingFor(guildId);
    }

    public Map<Long, Long> lastDeliveries(long guildId) {
        return outbox.lastDeliveries(guildId);
    }

    /** What waits to be delivered (read-only; the operator's metrics, and the database readiness probe). */
    public Outbox.Waiting outboxWaiting() {
        return outbox.waiting();
    }

    public Optional<Long> nextDue() {
        return outbox.nextDue();
    }
}
