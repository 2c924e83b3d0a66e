package dev.cgdemo.worker.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page at its largest (100 partitions, 50 members, 30 minutes of history) in a real browser: every pushed frame
 * is drawn whole. The time each took, measured in the page, is printed (a figure, not a pass mark: it depends on
 * the machine's load).
 */
class LargeGroupPageTest {

    private static final Logger LOG = LoggerFactory.getLogger(LargeGroupPageTest.class);
    private static final int UPDATES = 20;

    @Test
    void drawsEachUpdateOfAHundredPartitionsFiftyMembersAndThirtyMinutesQuickly() throws Exception {
        BusyGroup group = new BusyGroup(100, 50, Duration.ofMinutes(30), Instant.now());
        ViewFrames frames = new ViewFrames(new ViewHeader("large group", "cooperative-sticky"), new MemberColours(),
                List.of());
        try (ViewFeed feed = new ViewFeed(group, frames, Clock.systemUTC());
             ViewServer server = ViewServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     new GroupView(feed, Optional.empty()));
             BrowserSession browser = BrowserSession.start(1400, 1400)) {
            int frameBytes = feed.current().length;
            browser.open("http://127.0.0.1:" + server.port() + "/");
            awaitShown(browser, 1);
            long shown = seq(browser);
            for (int i = 0; i < UPDATES; i++) {
                synchronized (group) {
                    group.advance(Duration.ofSeconds(6));
                }
                feed.changed();
                long before = shown;
                awaitShown(browser, before + 1);
                shown = seq(browser);
            }
            browser.screenshot(Path.of("target", "screenshots", "large-group.png"));

            List<Double> renders = numbers(browser.script("return window.cgdemo.renderMs.slice(1)"));
            assertThat(renders).hasSizeGreaterThanOrEqualTo(UPDATES);
            List<Double> sorted = renders.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2);
            double max = sorted.get(sorted.size() - 1);
            long segments = (Long) browser.script(
                    "return window.cgdemo.frame.lanes.reduce((n, lane) => n + lane.length, 0)");
            LOG.info("large page: {} rebalances, {} lane segments, frame {} KB; render per update median {} ms, max {} ms "
                            + "over {} updates", group.rebalances(), segments, frameBytes / 1024,
                    String.format("%.1f", median), String.format("%.1f", max), renders.size());
            assertThat((Long) browser.script("return window.cgdemo.frame.header.partitions")).isEqualTo(100L);
            assertThat((Long) browser.script("return window.cgdemo.frame.members.length")).isEqualTo(50L);
            assertThat((Long) browser.script("return document.querySelectorAll('#members tbody tr').length")).isEqualTo(50L);
        }
    }

    private static void awaitShown(BrowserSession browser, long seq) {
        await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> seq(browser) >= seq);
    }

    private static long seq(BrowserSession browser) {
        Object seq = browser.script("return window.cgdemo ? window.cgdemo.seq : 0");
        return seq == null ? 0 : ((Number) seq).longValue();
    }

    static List<Double> numbers(Object list) {
        List<Double> numbers = new ArrayList<>();
        for (Object o : (List<?>) list) {
            numbers.add(((Number) o).doubleValue());
        }
        return numbers;
    }
}
