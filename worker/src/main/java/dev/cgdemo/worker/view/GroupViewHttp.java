package dev.cgdemo.worker.view;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests under one group's page, by the path after the page's own prefix:
 * <pre>
 * ""/index.html, view.js, view.css   GET   the page (from the jar)
 * frame                              GET   the current frame, JSON
 * events                             GET   server-sent events: every new frame, a comment every 15 s
 * actions/NAME                       POST  only with actions; with header X-Cgdemo-Action (so no other site's
 *                                          form can post here); 404 without actions, 405 for other methods
 * </pre>
 */
public final class GroupViewHttp {

    private static final Logger LOG = LoggerFactory.getLogger(GroupViewHttp.class);
    public static final String ACTION_HEADER = "X-Cgdemo-Action";
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private GroupViewHttp() {
    }

    public static void handle(HttpExchange exchange, String path, GroupView view) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (path.startsWith("actions/")) {
                if (view.actions().isEmpty()) {
                    respond(exchange, 404, "text/plain", "no actions here: the page is read-only\n");
                } else if (!"POST".equals(method)) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    respond(exchange, 405, "text/plain", "POST only\n");
                } else {
                    act(exchange, path.substring("actions/".length()), view.actions().get());
                }
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, "text/plain", "GET only\n");
                return;
            }
            switch (path) {
                case "frame" -> respond(exchange, 200, "application/json", view.feed().current());
                case "events" -> stream(exchange, view.feed());
                default -> file(exchange, path.isEmpty() ? "index.html" : path);
            }
        }
    }

    /** A file of the page, or 404. */
    public static void file(HttpExchange exchange, String name) throws IOException {
        Optional<WebResources.Resource> resource = WebResources.get(name);
        if (resource.isEmpty()) {
            respond(exchange, 404, "text/plain", "not found\n");
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        respond(exchange, 200, resource.get().contentType(), resource.get().bytes());
    }

    private static void stream(HttpExchange exchange, ViewFeed feed) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            feed.current();
            long seen = -1;
            while (!feed.closed()) {
                ViewFeed.Frame frame = feed.awaitAfter(seen, KEEP_ALIVE);
                if (frame == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    send(out, frame.json());
                    seen = frame.seq();
                }
            }
        } catch (IOException e) {
            LOG.debug("event stream closed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(OutputStream out, byte[] json) throws IOException {
        out.write("data: ".getBytes(StandardCharsets.UTF_8));
        out.write(json);
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void act(HttpExchange exchange, String action, ViewActions actions) throws IOException {
        if (exchange.getRequestHeaders().getFirst(ACTION_HEADER) == null) {
            respond(exchange, 403, "text/plain", "missing header " + ACTION_HEADER + "\n");
            return;
        }
        Map<String, String> parameters = parameters(exchange);
        try {
            String done = actions.perform(action, parameters);
            LOG.info("page action {} {}: {}", action, parameters, done);
            respond(exchange, 202, "text/plain", done + "\n");
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "text/plain", e.getMessage() + "\n");
        }
    }

    /** The query's parameters, then the form body's (application/x-www-form-urlencoded). */
    static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), parameters);
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(4096);
            parse(new String(bytes, StandardCharsets.UTF_8), parameters);
        }
        return parameters;
    }

    private static void parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.trim().split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    public static void respond(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        respond(exchange, code, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void respond(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
