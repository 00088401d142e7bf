package cn.jxquality.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromium-driver (both installed by {@code ./suite test}, nothing
 * downloaded): a desktop or a 360-px phone, Chinese by default, with full-page screenshots, axe-core checks and
 * keyboard-only moves.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("suite.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("system-tests/target/screenshots");
    private static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");
    private static final List<String> SERIOUS = List.of("serious", "critical");

    final ChromeDriver driver;

    private Chromium(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A desktop browser (1280 × 900) preferring {@code language} ({@code zh-CN} or {@code en}). */
    static Chromium desktop(String language) {
        ChromeOptions options = options(language);
        options.addArguments("--window-size=1280,900");
        return new Chromium(options);
    }

    /** A phone: a 360-px wide viewport, touch, a mobile user agent. */
    static Chromium phone(String language) {
        ChromeOptions options = options(language);
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", 360, "height", 780, "pixelRatio", 2.0, "touch", true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/156.0 Mobile Safari/537.36"));
        return new Chromium(options);
    }

    private static ChromeOptions options(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        // as root in a sandbox-less container, and with no network but loopback: nothing reaches out at start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return options;
    }

    /** Opens a path of complaint-service. */
    /**
     * Opens a page and, where it puts the focus on a field by itself ({@code autofocus}), waits until it has: Chromium
     * applies autofocus after the load, and keys typed before that would go nowhere.
     */
    void open(String path) {
        driver.get(RunningSuite.COMPLAINTS + path);
        List<WebElement> autofocus = driver.findElements(By.cssSelector("[autofocus][id]"));
        if (!autofocus.isEmpty() && !driver.getCurrentUrl().contains("#")) {
            waitForFocus(autofocus.get(0).getAttribute("id"));
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits (bounded) until the page holds {@code text}. */
    /** Waits for {@code text} on the page; fails with what the page says instead. */
    void waitForText(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError(
                    "no \"" + text + "\" on " + driver.getCurrentUrl() + " after 20 s (" + shot.getFileName()
                            + "); the page says: "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /**
     * Looks the complaint up on {@code /status} as its citizen would (typing the code, pressing the button) and waits
     * for the answer page; answers the page's text.
     */
    String lookUp(String trackingNumber, String queryCode) {
        open("/status?trackingNumber=" + trackingNumber);
        WebElement code = find("#queryCode");
        code.clear();
        code.sendKeys(queryCode);
        WebElement button = find("form button[type=submit]");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#result, #notice")).isEmpty());
        return find("main").getText();
    }

    /** Keyboard only: Tab until the element with {@code id} has the focus (at most 80 presses). */
    void tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return;
            }
            // the keyboard, not the element: a file input takes sendKeys for a path to upload
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        fail("the keyboard never reached #" + id);
    }

    /** Keyboard only: types into whatever has the focus. */
    /** Waits until the page has put the focus on {@code id} by itself (autofocus), as a keyboard user finds it. */
    void waitForFocus(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage("the focus should land on #" + id + " as the page opens")
                .until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Keyboard only: picks the option {@code value} of the focused select with the arrow keys. */
    void choose(String value) {
        WebElement select = driver.switchTo().activeElement();
        List<WebElement> options = select.findElements(By.tagName("option"));
        int target = -1;
        int current = 0;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).getAttribute("value").equals(value)) {
                target = i;
            }
            if (options.get(i).isSelected()) {
                current = i;
            }
        }
        if (target < 0) {
            fail("no option " + value);
        }
        for (int i = current; i < target; i++) {
            select.sendKeys(Keys.ARROW_DOWN);
        }
        assertEquals(value, select.getAttribute("value"));
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
    void assertAccessible(String what) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> SERIOUS.contains(rule.getImpact()))
                .toList();
        if (!serious.isEmpty()) {
            fail(what + ": "
                    + serious.stream()
                            .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                    + rule.getNodes().stream()
                                            .map(node -> String.valueOf(node.getTarget()))
                                            .collect(Collectors.joining(", ")))
                            .collect(Collectors.joining("; ")));
        }
    }

    /** The whole page, not only what fits the window, as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not written", e);
        }
    }

    /** What the window shows, as {@code target/screenshots/<name>.png} (for the README: the top of a long page). */
    Path screenshotOfWindow(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not written", e);
        }
    }

    /** Signs in on Keycloak's own login page, by keyboard. */
    void signIn(String user) {
        open("/console");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("username")).isEmpty());
        find("#username").sendKeys(user);
        find("#password").sendKeys("password", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().startsWith(RunningSuite.COMPLAINTS + "/console"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
