package org.newsdesk.resignations.ops;

import java.util.List;

/**
 * The gateway connection of every shard this process holds, as the Discord layer sees it (it
 * implements this, so that ops never imports JDA).
 */
public interface GatewayStatus {

    List<Shard> shards();

    /**
     * @param id        the shard's id
     * @param total     how many shards the bot has in all
     * @param connected the gateway session is up
     * @param status    the client's own word for its state (CONNECTED, RECONNECT_QUEUED…), for the operator
     * @param pingMillis the last heartbeat's round trip; negative before the first one
     */
    record Shard(int id, int total, boolean connected, String status, long pingMillis) {
    }
}
