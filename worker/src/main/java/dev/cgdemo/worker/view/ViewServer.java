package dev.cgdemo.worker.view;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server with one group's page at {@code /} (the lab's). */
public final class ViewServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private ViewServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ViewServer start(InetSocketAddress address, GroupView view) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            GroupViewHttp.handle(exchange, path.startsWith("/") ? path.substring(1) : path, view);
        });
        ExecutorService executor = streamThreads("view-http");
        server.setExecutor(executor);
        server.start();
        return new ViewServer(server, executor);
    }

    /** Threads for an HTTP server whose event streams each hold one for as long as a page is open. */
    public static ExecutorService streamThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
