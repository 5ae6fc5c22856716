package org.newsdesk.resignations.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP listener (the JDK's own server, no dependency): {@code GET /healthz} (the
 * process answers), {@code GET /readyz} (every readiness check passes; else 503 and what is not
 * ready) and {@code GET /metrics} (Prometheus text format). Two worker threads and a short queue:
 * a scraper or probe that floods it slows only itself (the accepting thread runs the overflow),
 * never the bot.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** The listener could not be opened; the message says what to do. */
    public static final class CannotListen extends Exception {
        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    private OpsServer(HttpServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    public static OpsServer start(HttpAddress address, Readiness readiness, Metrics metrics) throws CannotListen {
        InetSocketAddress bind = new InetSocketAddress(address.host(), address.port());
        if (bind.isUnresolved()) {
            throw new CannotListen("Cannot listen on " + address + " for health checks and metrics (http.address): the host "
                    + address.host() + " is not known here. Set http.address (BOT_HTTP_ADDRESS) to an address of this machine "
                    + "(127.0.0.1, 0.0.0.0, [::1]) with a port, or to off.", null);
        }
        HttpServer server;
        try {
            server = HttpServer.create(bind, 16);
        } catch (BindException e) {
            throw new CannotListen("Cannot listen on " + address + " for health checks and metrics (http.address): "
                    + "the port is in use or the address is not this machine's. Set http.address (BOT_HTTP_ADDRESS) "
                    + "to a free host:port, or to off.", e);
        } catch (IOException | RuntimeException e) {
            throw new CannotListen("Cannot listen on " + address + " for health checks and metrics (http.address): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ". Set http.address (BOT_HTTP_ADDRESS) to a host:port this machine has, or to off.", e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8), r -> {
            Thread t = new Thread(r, "ops-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        server.createContext("/", ex -> {
            try (ex) {
                serve(ex, readiness, metrics);
            } catch (IOException | RuntimeException e) {
                // a client that went away mid-answer; nothing for the operator
                LOG.debug("ops request {} ended early ({})", ex.getRequestURI().getPath(), e.toString());
            }
        });
        server.start();
        OpsServer s = new OpsServer(server, workers);
        LOG.info("Health and metrics at http://{}/ (/healthz, /readyz, /metrics)", s.address());
        return s;
    }

    /** The address actually bound (the port chosen when 0 was asked for). */
    public HttpAddress address() {
        InetSocketAddress a = server.getAddress();
        return new HttpAddress(a.getAddress().getHostAddress(), a.getPort());
    }

    private static void serve(HttpExchange ex, Readiness readiness, Metrics metrics) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            json(ex, 405, JSON.createObjectNode().put("error", "only GET and HEAD"));
            return;
        }
        switch (ex.getRequestURI().getPath()) {
            case "/healthz" -> json(ex, 200, JSON.createObjectNode().put("status", "alive"));
            case "/readyz" -> {
                Readiness.Report r = readiness.check();
                ObjectNode body = JSON.createObjectNode().put("status", r.ready() ? "ready" : "not ready");
                if (!r.ready()) {
                    ObjectNode why = body.putObject("not_ready");
                    for (Map.Entry<String, String> p : r.problems().entrySet()) {
                        why.put(p.getKey(), p.getValue());
                    }
                }
                json(ex, r.ready() ? 200 : 503, body);
            }
            case "/metrics" -> send(ex, 200, PROMETHEUS_TEXT, metrics.scrape());
            default -> json(ex, 404, JSON.createObjectNode().put("error", "not found; try /healthz, /readyz or /metrics"));
        }
    }

    private static void json(HttpExchange ex, int status, ObjectNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsString(body) + "\n");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : b.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        LOG.info("Health and metrics listener closed");
    }
}
