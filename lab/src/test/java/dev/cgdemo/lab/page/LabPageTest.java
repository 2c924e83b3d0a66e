package dev.cgdemo.lab.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cgdemo.lab.LabMain;
import dev.cgdemo.worker.view.BrowserSession;

/**
 * The lab as a user runs it (its own JVM, three consumer processes) and its live page in a real browser: three
 * lanes in three colours, a click on "stop" for the owner of partition 1, and the lane taking a survivor's colour
 * with a rebalance mark and its pause, nothing lost.
 */
class LabPageTest {
    private static final Logger LOG = LoggerFactory.getLogger(LabPageTest.class);
    private static final Pattern URL = Pattern.compile("live view: (http://\\S+)");

    /** The colour drawn in the middle of lane {@code p}'s lower half, at the right (now) end. */
    private static final String LANE_COLOUR = """
            const p = arguments[0], L = window.cgdemo.layout;
            if (!L || p >= L.partitions) return null;
            const y = Math.floor((L.top + p * L.laneHeight + L.laneHeight - 4) * L.dpr);
            const x = Math.floor((L.right - 3) * L.dpr);
            const d = document.getElementById('lanes').getContext('2d').getImageData(x, y, 1, 1).data;
            return '#' + [d[0], d[1], d[2]].map(v => v.toString(16).padStart(2, '0')).join('');
            """;

    @TempDir
    Path workDir;

    @Test
    void stoppingTheOwnerOfPartitionOneFromThePageMovesItsLaneToASurvivor() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path output = workDir.resolve("lab.out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LabMain.class.getName(),
                "--consumers", "3", "--partitions", "3", "--rate", "20", "--ui-port", String.valueOf(port)));
        try (BrowserSession browser = BrowserSession.start(1280, 1000)) {
            long launched = System.nanoTime();
            Process lab = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                String url = await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(60)).until(() -> liveUrl(output), u -> u != null);
                assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/");
                browser.open(url);

                Map<Integer, String> colours = await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> laneColours(browser, 3), c -> c.size() == 3 && c.values().stream().distinct().count() == 3
                                && ownerColours(browser).values().containsAll(c.values()));
                double firstThreeColours = (System.nanoTime() - launched) / 1e9;
                browser.screenshot(Path.of("target", "screenshots", "lab-three-consumers.png"));
                Map<String, String> owners = ownerColours(browser);
                String owner = memberOwning(browser, 1);
                assertThat(owners.get(owner)).as("lane 1 is drawn in its owner's colour").isEqualTo(colours.get(1));
                List<String> survivorColours = owners.entrySet().stream().filter(e -> !e.getKey().equals(owner))
                        .map(Map.Entry::getValue).toList();
                long rebalancesBefore = (Long) browser.script("return window.cgdemo.frame.rebalances.length");

                browser.driver().findElement(By.cssSelector(
                        "tr[data-member='" + owner + "'] button[data-action='stop']")).click();
                long clicked = System.nanoTime();

                await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    assertThat(laneColour(browser, 1)).as("lane 1 in a survivor's colour").isIn(survivorColours);
                    assertThat(browser.driver().findElements(By.cssSelector("#rebalances li[data-pause]")).stream()
                            .filter(li -> List.of(li.getDomAttribute("data-partitions").split(",")).contains("1")
                                    && !li.getDomAttribute("data-pause").isEmpty()).count())
                            .as("a rebalance that moved partition 1, with its pause").isPositive();
                });
                double toSurvivor = (System.nanoTime() - clicked) / 1e9;
                long rebalancesAfter = (Long) browser.script("return window.cgdemo.frame.rebalances.length");
                assertThat(rebalancesAfter).isGreaterThan(rebalancesBefore);
                assertThat((Long) browser.script("return window.cgdemo.layout.markers.length")).isEqualTo(rebalancesAfter);
                assertThat(browser.driver().findElement(By.id("lost")).getText()).isEqualTo("0");
                assertThat(browser.driver().findElement(By.id("lost-box")).getDomAttribute("class")).isNotEqualTo("bad");
                browser.screenshot(Path.of("target", "screenshots", "lab-after-stop.png"));

                List<Double> latency = numbers(browser.script("return window.cgdemo.latencyMs.slice(1)"));
                List<Double> render = numbers(browser.script("return window.cgdemo.renderMs.slice(1)"));
                LOG.info("lab page: three colours {} s after the lab command; lane 1 moved {} s after the click; "
                                + "update latency (change reached the server -> on screen) median {} ms, max {} ms over {} "
                                + "frames; render median {} ms",
                        String.format("%.1f", firstThreeColours), String.format("%.1f", toSurvivor),
                        median(latency), max(latency), latency.size(), String.format("%.1f", median(render)));
                assertThat(Files.readString(output)).contains("> kill " + owner.substring("consumer-".length()));
            } finally {
                browser.screenshot(Path.of("target", "screenshots", "lab-last.png"));   // also when a step failed
                quit(lab, output);
            }
            assertThat(lab.exitValue()).as(Files.readString(output)).isZero();
            assertThat(Files.readString(output)).contains("RESULT: OK, nothing lost");
        }
    }

    private static void quit(Process lab, Path output) throws IOException, InterruptedException {
        try (OutputStream in = lab.getOutputStream()) {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.info("lab stdin closed: {}", e.toString());
        }
        if (!lab.waitFor(90, TimeUnit.SECONDS)) {
            lab.descendants().forEach(ProcessHandle::destroyForcibly);
            lab.destroyForcibly();
            throw new AssertionError("lab did not quit in 90 s:\n" + Files.readString(output));
        }
    }

    private static String liveUrl(Path output) throws IOException {
        if (!Files.exists(output)) {
            return null;
        }
        Matcher matcher = URL.matcher(Files.readString(output));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Map<Integer, String> laneColours(BrowserSession browser, int partitions) {
        Map<Integer, String> colours = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            String colour = laneColour(browser, p);
            if (colour != null && !colour.equals("#f1f3f6") && !colour.equals("#000000")) {
                colours.put(p, colour);
            }
        }
        return colours;
    }

    private static String laneColour(BrowserSession browser, int partition) {
        return (String) browser.script(LANE_COLOUR, partition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> ownerColours(BrowserSession browser) {
        Object map = browser.script("const f = window.cgdemo.frame; if (!f) return {};"
                + "return Object.fromEntries(f.members.map(m => [m.id, m.colour]));");
        return (Map<String, String>) map;
    }

    private static String memberOwning(BrowserSession browser, int partition) {
        return (String) browser.script("return window.cgdemo.frame.members.find(m => m.partitions.includes(arguments[0])).id",
                partition);
    }

    private static List<Double> numbers(Object list) {
        List<Double> numbers = new ArrayList<>();
        for (Object o : (List<?>) list) {
            numbers.add(((Number) o).doubleValue());
        }
        return numbers;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
