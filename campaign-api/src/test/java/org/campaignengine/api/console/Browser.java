package org.campaignengine.api.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the engine under test, driven through the system's chromedriver (no driver is
 * downloaded). Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "CAMPAIGN_TEST_CHROMIUM";
    static final String CHROMEDRIVER = "CAMPAIGN_TEST_CHROMEDRIVER";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser window of {@code width} by {@code height} pixels on the engine at {@code port}. */
    static Browser open(int port, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, "http://localhost:" + port);
    }

    /** What is missing to run a browser here, or null when Chromium and its driver are both found. */
    static String missing() {
        if (!Files.isExecutable(chromium())) {
            return "no Chromium at " + chromium();
        }
        if (!Files.isExecutable(chromedriver())) {
            return "no chromedriver at " + chromedriver();
        }
        return null;
    }

    private static Path chromium() {
        return Path.of(System.getenv().getOrDefault(CHROMIUM, "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getenv().getOrDefault(CHROMEDRIVER, "/usr/bin/chromedriver"));
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Signs in through the sign-in page and waits for the console's first page. */
    void signIn(String username, String password) {
        go("/console/");
        until(d -> d.getCurrentUrl().contains("/console/login.html"));
        type(By.id("username"), username);
        type(By.id("password"), password);
        find(By.id("signin")).click();
        until(d -> !d.findElements(By.id("whoami")).isEmpty() && d.findElement(By.id("whoami")).getText().startsWith(username));
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    WebElement find(By by) {
        return until(d -> {
            WebElement found = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return found;
        });
    }

    boolean shows(By by) {
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves what the window shows as {@code target/screenshots/{name}.png}. */
    Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
