package org.newsdesk.resignations.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.newsdesk.resignations.intake.Shelf;
import org.newsdesk.resignations.store.FleetLock;
import org.newsdesk.resignations.store.SharedFiles;
import org.newsdesk.resignations.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' files in the database every process of a fleet shares (table {@code shared_files}),
 * written under the fleet's lock: an entry added, reviewed or corrected through any process is in
 * the one copy all of them read. A database failure is an {@link IOException} saying so, which the
 * review flow answers like a file it cannot read.
 */
final class StoredShelf implements Shelf {

    private static final Logger LOG = LoggerFactory.getLogger(StoredShelf.class);
    /** The name of the fleet lock every editor's write takes. */
    static final String LOCK = "editors-files";
    /** What a local file becomes once its content is in the database (kept, never read again). */
    static final String MOVED = ".moved-to-database";

    private final SharedFiles table;
    private final FleetLock lock;
    private final String processId;
    private final String database;
    private final Clock clock;
    /** One thread of this process at a time asks for the fleet lock (and holds a connection for it). */
    private final ReentrantLock local = new ReentrantLock();

    /** @param database where the database is (host:port/name), for messages */
    StoredShelf(SharedFiles table, FleetLock lock, String processId, String database, Clock clock) {
        this.table = table;
        this.lock = lock;
        this.processId = processId;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> read(String name, long maxBytes) throws IOException {
        Optional<SharedFiles.Stored> stored;
        try {
            stored = table.read(name);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (stored.isPresent() && stored.get().body().length > maxBytes) {
            throw new IOException(where(name) + " is larger than " + maxBytes + " bytes; it is not one of the bot's files");
        }
        return stored.map(SharedFiles.Stored::body);
    }

    @Override
    public void write(String name, Optional<String> base, byte[] bytes) throws IOException {
        boolean written;
        try {
            written = table.replace(name, base, Shelf.version(bytes), bytes, processId, clock.millis());
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!written) {
            throw new ChangedMeanwhile(where(name));
        }
    }

    @Override
    public String where(String name) {
        return name + " in the database " + database;
    }

    @Override
    public Optional<Path> file(String name) {
        return Optional.empty();
    }

    @Override
    public <T, E extends Exception> T exclusively(Section<T, E> section) throws E, IOException {
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return section.run();   // this thread holds the fleet lock already
            }
            try {
                return lock.holding(LOCK, section::run);
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        } finally {
            local.unlock();
        }
    }

    /**
     * The files a process kept in its data directory before it joined a fleet: each one the
     * database does not have yet is copied in, and the local file renamed (ending in
     * {@value #MOVED}), so nothing added before is lost and no stale copy is read by mistake. A
     * file the database already has is left where it is, with a warning.
     */
    void adopt(Path dataDir, List<String> names) throws IOException {
        for (String name : names) {
            Path local = dataDir.resolve(name);
            if (!Files.isRegularFile(local)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(local);
            Optional<byte[]> there = read(name, Long.MAX_VALUE);
            if (there.isPresent()) {
                if (!Arrays.equals(there.get(), bytes)) {
                    LOG.warn("{} is not read: the fleet's copy, {}, is; merge what it holds by hand if it matters", local,
                            where(name));
                }
                continue;
            }
            try {
                write(name, Optional.empty(), bytes);
            } catch (ChangedMeanwhile e) {
                continue;   // another process of the fleet moved its own copy in first; ours is kept, as above
            }
            Files.move(local, local.resolveSibling(name + MOVED), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Moved {} into {}; the fleet reads it there from now on", local, where(name));
        }
    }
}
