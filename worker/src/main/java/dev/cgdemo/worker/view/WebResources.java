package dev.cgdemo.worker.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The page's files, read once from the jar ({@code /dev/cgdemo/worker/view/web/}). */
public final class WebResources {

    private static final String ROOT = "/dev/cgdemo/worker/view/web/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private WebResources() {
    }

    /** A file of the page by name (no folders), with its content type. */
    public static Optional<Resource> get(String name) {
        if (!name.matches("[a-z][a-z0-9-]*\\.(html|js|css|svg)")) {
            return Optional.empty();
        }
        byte[] bytes = CACHE.computeIfAbsent(name, WebResources::read);
        if (bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Resource(bytes, TYPES.get(name.substring(name.lastIndexOf('.') + 1))));
    }

    public record Resource(byte[] bytes, String contentType) {
    }

    private static byte[] read(String name) {
        try (InputStream in = WebResources.class.getResourceAsStream(ROOT + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
