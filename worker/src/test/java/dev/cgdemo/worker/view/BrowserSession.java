package dev.cgdemo.worker.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium driven by Debian's {@code chromium} and {@code chromium-driver}, both paths given so Selenium
 * never tries to download a driver. Without them the calling test is skipped with the packages to install, unless
 * {@code CGDEMO_BROWSER_REQUIRED=1} (CI), where a missing browser is a failure.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CGDEMO_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CGDEMO_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private BrowserSession(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips (fails with CGDEMO_BROWSER_REQUIRED=1) the test when it is not installed. */
    public static BrowserSession start(int width, int height) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (Debian/Ubuntu)";
            if ("1".equals(System.getenv("CGDEMO_BROWSER_REQUIRED"))) {
                Assertions.fail(why + " (CGDEMO_BROWSER_REQUIRED=1)");
            }
            LOG.warn("skipped: {}", why);
            Assumptions.abort(why);
        }
        Path profile = Files.createTempDirectory("cgdemo-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        long started = System.nanoTime();
        ChromeDriver driver = new ChromeDriver(service, options);
        LOG.info("chromium up in {} ms", (System.nanoTime() - started) / 1_000_000);
        return new BrowserSession(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the page to {@code file} (its folder created). */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(file, png);
        LOG.info("screenshot {}", file.toAbsolutePath());
        return file;
    }

    public void open(String url) {
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.get(url);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
