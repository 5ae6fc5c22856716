package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.ps;
import static org.newsdesk.resignations.store.Database.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The processes of a fleet (table {@code processes}): each registers with the shards it runs and
 * beats its heart; a process whose last heartbeat is older than the staleness limit is presumed
 * dead, listed no more, and forgotten.
 */
public final class Processes {

    /** One process as last registered. */
    public record Process(String processId, Set<Integer> shardIds, int shardsTotal, long startedAt, long heartbeatAt) {
        public Process {
            shardIds = Set.copyOf(shardIds);
        }
    }

    private final Database db;

    public Processes(Database db) {
        this.db = db;
    }

    /** Registers (or registers again after a restart, same id) a process with its shards. */
    public void register(String processId, Set<Integer> shardIds, int shardsTotal, long now) {
        db.tx(c -> update(c, "INSERT INTO processes (process_id, shard_ids, shards_total, started_at, heartbeat_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (process_id) DO UPDATE SET shard_ids = excluded.shard_ids, "
                + "shards_total = excluded.shards_total, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at",
                processId, shardIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")), shardsTotal, now, now));
    }

    /** @return false when the process is not registered (forgotten as stale): it should register again */
    public boolean heartbeat(String processId, long now) {
        return db.tx(c -> update(c, "UPDATE processes SET heartbeat_at = ? WHERE process_id = ?", now, processId) == 1);
    }

    /** The processes whose last heartbeat is at most {@code staleAfterMs} old, by id. */
    public List<Process> live(long now, long staleAfterMs) {
        return db.tx(c -> {
            List<Process> out = new ArrayList<>();
            try (PreparedStatement p = ps(c, "SELECT process_id, shard_ids, shards_total, started_at, heartbeat_at FROM processes "
                    + "WHERE heartbeat_at >= ? ORDER BY process_id", now - staleAfterMs); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Process(rs.getString(1), shards(rs.getString(2)), rs.getInt(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            return out;
        });
    }

    /** Forgets the processes whose last heartbeat is older than {@code staleAfterMs}; how many. */
    public int forgetStale(long now, long staleAfterMs) {
        return db.tx(c -> update(c, "DELETE FROM processes WHERE heartbeat_at < ?", now - staleAfterMs));
    }

    /** A process going down on purpose says so. */
    public boolean deregister(String processId) {
        return db.tx(c -> update(c, "DELETE FROM processes WHERE process_id = ?", processId) == 1);
    }

    private static Set<Integer> shards(String csv) {
        Set<Integer> out = new TreeSet<>();
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> out.add(Integer.parseInt(s)));
        return out;
    }
}
