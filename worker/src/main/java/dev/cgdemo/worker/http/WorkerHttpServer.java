package dev.cgdemo.worker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz} (200 while the process runs), {@code /readyz} (200 once ready, else 503) and
 * {@code /metrics} (Prometheus text format), on the JDK's own HTTP server.
 */
public final class WorkerHttpServer implements AutoCloseable {
    private final HttpServer server;

    private WorkerHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param port  0 picks a free port (see {@link #port()})
     * @param ready whether {@code /readyz} answers 200
     */
    public static WorkerHttpServer start(int port, PrometheusMeterRegistry registry, BooleanSupplier ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", () -> "ok\n"));
        server.createContext("/readyz", exchange -> {
            boolean isReady = ready.getAsBoolean();
            respond(exchange, isReady ? 200 : 503, "text/plain", () -> isReady ? "ready\n" : "not ready: not joined the group yet\n");
        });
        server.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry::scrape));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new WorkerHttpServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Supplier<String> body) throws IOException {
        try (exchange) {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
