package dev.cgdemo.worker.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The page's event stream comes back by itself when the server it came from is restarted on the same port, also
 * after answers of 404 while the server did not serve the page yet.
 */
class PageReconnectTest {

    @Test
    void afterTheServerRestartsThePageShowsTheNewServersFramesWithoutAReload() throws Exception {
        BusyGroup group = new BusyGroup(3, 3, Duration.ofMinutes(1), Instant.now());
        try (BrowserSession browser = BrowserSession.start(1000, 800)) {
            int port;
            try (ViewFeed first = feed(group, "before the restart");
                 ViewServer server = ViewServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                         new GroupView(first, Optional.empty()))) {
                port = server.port();
                browser.open("http://127.0.0.1:" + port + "/");
                await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(15)).until(() -> title(browser).equals("before the restart"));
                assertThat(browser.driver().findElement(By.id("conn")).getText()).isEqualTo("live");
            }
            await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() ->
                    browser.driver().findElement(By.id("conn")).getText().startsWith("reconnecting"));
            // back, but not serving this page yet (an operator that has not watched the group again): 404
            HttpServer notYet = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            AtomicInteger refused = new AtomicInteger();
            notYet.createContext("/", exchange -> {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            notYet.start();
            try {
                await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).until(() -> refused.get() >= 2);
            } finally {
                notYet.stop(0);
            }
            long down = System.nanoTime();
            try (ViewFeed second = feed(group, "after the restart");
                 ViewServer server = ViewServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                         new GroupView(second, Optional.empty()))) {
                await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> title(browser).equals("after the restart"));
                assertThat(browser.driver().findElement(By.id("conn")).getText()).isEqualTo("live");
                System.out.printf("page back %d ms after the new server started%n", (System.nanoTime() - down) / 1_000_000);
            }
        }
    }

    private static ViewFeed feed(BusyGroup group, String title) {
        return new ViewFeed(group, new ViewFrames(new ViewHeader(title, "range"), new MemberColours(), List.of()),
                Clock.systemUTC());
    }

    private static String title(BrowserSession browser) {
        return browser.driver().findElement(By.id("title")).getText();
    }
}
