package dev.cgdemo.lab.broker;

import java.util.Objects;

/**
 * A {@code host:port} pair as typed on the command line. Port 0 means "pick a free port".
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /**
     * Parses {@code host:port}, {@code host} (port 0) or {@code :port} (host {@code defaultHost}).
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static HostPort parse(String text, String defaultHost) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("expected host:port, got an empty value");
        }
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            return new HostPort(trimmed, 0);
        }
        String host = colon == 0 ? defaultHost : trimmed.substring(0, colon);
        String portText = trimmed.substring(colon + 1);
        try {
            return new HostPort(host, Integer.parseInt(portText));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port with a numeric port, got '" + text + "'");
        }
    }

    public HostPort withPort(int newPort) {
        return new HostPort(host, newPort);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
