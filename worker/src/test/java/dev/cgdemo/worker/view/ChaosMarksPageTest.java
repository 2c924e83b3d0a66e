package dev.cgdemo.worker.view;

import static dev.cgdemo.worker.history.AssignmentChange.Kind.ASSIGNED;
import static dev.cgdemo.worker.history.AssignmentChange.Kind.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.GroupAction;
import dev.cgdemo.worker.history.GroupHistory;
import dev.cgdemo.worker.history.RebalanceCause;
import dev.cgdemo.worker.watch.GroupSnapshot;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * A chaos action on the page, in a real browser: its own mark on the timeline, and the rebalance it caused drawn and
 * listed apart from the one a user caused by stopping a member.
 */
class ChaosMarksPageTest {

    private static final String CHAOS = "#d9480f";
    private static final String INK = "#1d2330";

    /** Everything the test looks at, read in one go: the page redraws the timeline every second as time passes. */
    private static final String DRAWN = """
            const L = window.cgdemo.layout;
            if (!L || !L.acted || L.acted.length === 0) return null;
            const ctx = document.getElementById('lanes').getContext('2d');
            const colour = (x, y) => {
              const d = ctx.getImageData(Math.floor(x * L.dpr), Math.floor(y * L.dpr), 1, 1).data;
              return '#' + [d[0], d[1], d[2]].map(v => v.toString(16).padStart(2, '0')).join('');
            };
            return {
              acted: L.acted.map(a => ({ what: a.what, rebalance: a.rebalance, colour: colour(a.x, a.y) })),
              rebalances: Object.fromEntries(L.markers.map(m => ['#' + m.number, colour(m.x, m.y) + (m.chaos ? ' chaos' : '')]))
            };
            """;

    @Test
    void aChaosActionIsMarkedAndItsRebalanceIsToldApartFromOneAUserCaused() throws Exception {
        Instant now = Instant.now();
        GroupHistory history = new GroupHistory(3, Duration.ofSeconds(3));
        Instant t0 = now.minusSeconds(60);
        change(history, "consumer-1", 1, ASSIGNED, t0, 0);
        change(history, "consumer-2", 1, ASSIGNED, t0, 1);
        change(history, "consumer-3", 1, ASSIGNED, t0, 2);
        // a user stops consumer-3
        change(history, "consumer-3", 1, REVOKED, now.minusSeconds(40), 2);
        change(history, "consumer-1", 2, ASSIGNED, now.minusSeconds(40).plusMillis(300), 2);
        change(history, "consumer-2", 2, ASSIGNED, now.minusSeconds(40).plusMillis(310));
        // chaos kills consumer-2; its partition moves after the session timeout
        history.acted(GroupAction.CHAOS, "kill consumer-2", now.minusSeconds(25), RebalanceCause.CRASH, Duration.ofSeconds(30));
        change(history, "consumer-1", 3, ASSIGNED, now.minusSeconds(12), 1);
        assertThat(history.rebalanceCount()).isEqualTo(3);

        ViewFrames frames = new ViewFrames(new ViewHeader("chaos marks", "cooperative-sticky"), new MemberColours(), List.of());
        try (ViewFeed feed = new ViewFeed(source(history), frames, Clock.systemUTC());
             ViewServer server = ViewServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     new GroupView(feed, Optional.empty()));
             BrowserSession browser = BrowserSession.start(1280, 900)) {
            browser.open("http://127.0.0.1:" + server.port() + "/");

            Object drawn = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> browser.script(DRAWN), d -> d != null);
            browser.screenshot(Path.of("target", "screenshots", "chaos-marks.png"));

            assertThat(drawn).isEqualTo(Map.of(
                    "acted", List.of(Map.of("what", "kill consumer-2", "rebalance", 3L, "colour", CHAOS)),
                    "rebalances", Map.of("#1", INK, "#2", INK, "#3", CHAOS + " chaos")));
            await().ignoreException(StaleElementReferenceException.class).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> {
                        List<WebElement> items = browser.driver().findElements(By.cssSelector("#rebalances li"));
                        assertThat(items).extracting(li -> li.getDomAttribute("value") + " " + li.getDomAttribute("data-by"))
                                .containsExactly("3 chaos", "2 null", "1 null");
                        assertThat(items.get(0).getText()).contains("chaos: kill consumer-2 → crash");
                        assertThat(items.get(1).getText()).doesNotContain("chaos");
                    });
        }
    }

    private static void change(GroupHistory history, String member, int generation, AssignmentChange.Kind kind, Instant at,
                               Integer... partitions) {
        history.assignment(new AssignmentChange(member, generation, kind, List.of(partitions), at));
    }

    private static ViewSource source(GroupHistory history) {
        return new ViewSource() {
            @Override
            public GroupHistory history() {
                return history;
            }

            @Override
            public Optional<GroupSnapshot> latest() {
                return Optional.empty();
            }

            @Override
            public Optional<GroupSnapshot> lastAvailable() {
                return Optional.empty();
            }

            @Override
            public boolean auditing() {
                return true;
            }
        };
    }
}
