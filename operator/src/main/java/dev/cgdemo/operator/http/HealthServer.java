package dev.cgdemo.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cgdemo.operator.ui.OperatorPages;
import dev.cgdemo.worker.view.ViewServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * /healthz (event sources healthy), /readyz (operator started), /metrics (Prometheus text) and, given
 * {@link OperatorPages}, the live web view of every resource at / (its event streams each hold a thread).
 */
public final class HealthServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;

  private HealthServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static HealthServer start(int port, Supplier<RuntimeInfo> runtime, PrometheusMeterRegistry registry) throws IOException {
    return start(port, runtime, registry, null);
  }

  /** @param pages the live web view, or null for none */
  public static HealthServer start(int port, Supplier<RuntimeInfo> runtime, PrometheusMeterRegistry registry,
      OperatorPages pages) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    if (pages != null) {
      server.createContext("/", pages::handle);
    }
    server.createContext("/healthz", exchange -> {
      RuntimeInfo info = runtime.get();
      boolean healthy = info == null || info.allEventSourcesAreHealthy();
      respond(exchange, healthy ? 200 : 503, healthy ? "ok\n" : "unhealthy: " + info.unhealthyEventSources() + "\n", "text/plain");
    });
    server.createContext("/readyz", exchange -> {
      RuntimeInfo info = runtime.get();
      boolean ready = info != null && info.isStarted();
      respond(exchange, ready ? 200 : 503, ready ? "ready\n" : "starting\n", "text/plain");
    });
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    ExecutorService executor = ViewServer.streamThreads("operator-http");
    server.setExecutor(executor);
    server.start();
    return new HealthServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int code, String body, String contentType) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
