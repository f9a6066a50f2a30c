package cn.gov.reform.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver; override with -De2e.chromium and
 * -De2e.chromedriver) on a fresh profile, saving screenshots under target/e2e-screenshots.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  public final WebDriver driver;
  private final String base;
  private final Path profile;
  private final WebDriverWait wait;

  public Browser(int port) {
    this.base = "http://localhost:" + port;
    try {
      this.profile = Files.createTempDirectory("e2e-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().withEnvironment(java.util.Map.of("TZ", "Asia/Shanghai")).build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  public void open(String path) {
    driver.get(base + path);
  }

  /** Tasklist's login page, then a login as the user (test password). */
  public void logInToTasklist(String user) {
    open("/camunda/app/tasklist/default/");
    fill(java.util.Map.of(By.cssSelector("input[ng-model='username']"), user,
        By.cssSelector("input[ng-model='password']"), cn.gov.reform.plan.PlanFixtures.PASSWORD));
    click(By.cssSelector("form button[type='submit']"));
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  /**
   * Fills a form's fields until they really hold the texts: Tasklist's login form may be rendered again
   * just after it first appears, taking the keystrokes with it.
   */
  public void fill(java.util.Map<By, String> fields) {
    wait.until(d -> {
      fields.forEach((by, text) -> {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
      });
      return fields.entrySet().stream().allMatch(f -> f.getValue().equals(script("return arguments[0].value;", visible(f.getKey()))));
    });
  }

  /**
   * Scrolls the element to the middle of its pane and clicks it, again if something still covered it:
   * Tasklist's form scrolls inside the page and may re-render while it settles.
   */
  public void click(By by) {
    wait.until(d -> {
      WebElement element = clickable(by);
      script("arguments[0].scrollIntoView({block: 'center'});", element);
      try {
        element.click();
        return true;
      } catch (org.openqa.selenium.ElementClickInterceptedException | org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });
  }

  /** The input (or textarea, select) right after the label holding {@code label}: how a form-js field is found by what it says. */
  public static By formField(String label, String tag) {
    return By.xpath("//label[contains(normalize-space(.),'" + label + "')]/following::" + tag + "[1]");
  }

  /**
   * Replaces what form-js fields hold (they keep their value through clear(), so select it and type over it),
   * again for a field the form took back while it re-rendered after another field changed.
   */
  public void type(java.util.Map<By, String> fields) {
    until(d -> {
      boolean all = true;
      for (java.util.Map.Entry<By, String> f : fields.entrySet()) {
        WebElement input = visible(f.getKey());
        if (!f.getValue().equals(script("return arguments[0].value;", input))) {
          script("arguments[0].scrollIntoView({block: 'center'});", input);
          input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
          input.sendKeys(f.getValue());
          all = false;
        }
      }
      return all;
    });
  }

  /** What the page's text areas hold (a form's read-only texts are their values, not page text). */
  public String textareaValues() {
    Object values = script("return Array.from(document.querySelectorAll('textarea')).map(t => t.value).join('\\n');");
    return values == null ? "" : values.toString();
  }

  public <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  public Object script(String js, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves target/e2e-screenshots/{name}.png. */
  public void screenshot(String name) {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the browser steps; on a failure saves {name}-failure.png and the page source before rethrowing. */
  public void steps(String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      screenshot(name + "-failure");
      try {
        Files.writeString(SCREENSHOTS.resolve(name + "-failure.html"), driver.getPageSource());
      } catch (IOException | RuntimeException ignored) {
        // the screenshot is what matters
      }
      throw e;
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
