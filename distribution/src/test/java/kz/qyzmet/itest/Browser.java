package kz.qyzmet.itest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} with its {@code chromium-driver},
 * named explicitly: Selenium Manager would try to download a driver) on the
 * platform's pages, with what the browser tests need: screenshots into
 * {@code target/browser}, waiting for the page to show something, and axe-core.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of(System.getProperty("qyzmet.it.target"), "browser");
    private final ChromeDriver driver;
    private final String site;

    Browser(String site, int width, int height) {
        this.site = site;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("qyzmet.chromium", "/usr/bin/chromium"));
        // the platform's certificate is its own, generated into its data directory
        options.addArguments("--headless=new", "--ignore-certificate-errors", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--lang=ru", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("qyzmet.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(site + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the page shows an element matching {@code css} (the page's script may still be working). */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                (ExpectedCondition<WebElement>) d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                        .findFirst().orElse(null));
    }

    /** Waits until the element {@code css} names shows {@code text} (the page may reload meanwhile). */
    void awaitText(String css, String text) {
        // while the page reloads, an element found a moment ago may be gone (stale, or "node does not belong to the document")
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.getText().equals(text)));
    }

    void awaitPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> path().equals(path));
    }

    /** Types into the input a label names (which also proves the input is labelled). */
    void fill(String label, String value) {
        WebElement input = labelled(label);
        input.clear();
        input.sendKeys(value);
    }

    WebElement labelled(String label) {
        for (WebElement candidate : driver.findElements(By.tagName("label"))) {
            if (candidate.isDisplayed() && candidate.getText().trim().startsWith(label)) {
                return driver.findElement(By.id(candidate.getAttribute("for")));
            }
        }
        throw new AssertionError("no visible input labelled \"" + label + "\" on " + driver.getCurrentUrl());
    }

    void press(String buttonText) {
        for (WebElement button : driver.findElements(By.tagName("button"))) {
            if (button.isDisplayed() && button.getText().trim().equals(buttonText)) {
                button.click();
                return;
            }
        }
        throw new AssertionError("no visible button \"" + buttonText + "\" on " + driver.getCurrentUrl());
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The bytes at {@code path} as this browser's page gets them (its cookies), read by the page's own fetch. */
    byte[] fetch(String path) {
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' }).then(r => r.arrayBuffer()).then(buffer => {
                  let binary = ''; const bytes = new Uint8Array(buffer);
                  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
                  done(btoa(binary));
                }).catch(e => done('error:' + e));""", path);
        String value = String.valueOf(base64);
        if (value.startsWith("error:")) {
            throw new AssertionError("fetch " + path + ": " + value);
        }
        return java.util.Base64.getDecoder().decode(value);
    }

    /** axe-core's serious and critical violations on the current page, as "rule: nodes". */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException {
        String axe;
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/"
                + System.getProperty("qyzmet.it.axe.version") + "/axe.min.js")) {
            if (in == null) {
                throw new AssertionError("axe-core is not on the test classpath");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));""");
        return new ArrayList<>((List<String>) result);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Map<String, Object> timing() {
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const scripts = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script')
                  .reduce((sum, r) => sum + (r.decodedBodySize || 0), 0);
                return { firstPaint: paint ? paint.startTime : -1, loaded: nav.loadEventEnd, scriptBytes: scripts };""");
        return timing;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
