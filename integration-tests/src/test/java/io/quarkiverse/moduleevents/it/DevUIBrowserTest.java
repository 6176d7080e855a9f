package io.quarkiverse.moduleevents.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.http.ContentType;

/**
 * The Dev UI pages of the example service as a browser shows them: headless Chromium opens the Events, Flow and Sent
 * events pages of the service in dev mode and reads what they rendered through the shadow roots of the Dev UI's web
 * components. Every page must leave the browser's console free of errors.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} (which {@code .ci/run} installs): skipped without them,
 * except on CI, where it fails instead, so that it never passes there without having run.
 */
@Tag("dev-mode")
@EnabledIf(value = "browserOrCi", disabledReason = "Chromium or chromedriver is not installed"
        + " (apt-get install chromium chromium-driver); .ci/run installs both")
class DevUIBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dev-ui-screenshots");
    private static final Duration RENDERED = Duration.ofSeconds(30);

    /** The first element matching a CSS selector in the document or in any shadow root nested in it */
    private static final String FIND_DEEP = """
            const find = (root, selector) => {
                const hit = root.querySelector(selector);
                if (hit) {
                    return hit;
                }
                for (const element of root.querySelectorAll('*')) {
                    const inner = element.shadowRoot && find(element.shadowRoot, selector);
                    if (inner) {
                        return inner;
                    }
                }
                return null;
            };
            return find(document, arguments[0]);
            """;

    /** The nodes and links the flow graph's echarts instance holds, and how many pixels its canvas painted */
    private static final String GRAPH = """
            const graph = arguments[0];
            const container = graph.shadowRoot.querySelector('.canvasContainer');
            const canvas = container.querySelector('canvas');
            const chart = echarts.getInstanceByDom(container);
            const series = chart.getOption().series[0];
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) {
                if (pixels[i] > 0) {
                    painted++;
                }
            }
            return {
                nodes: series.data.map(node => node.name),
                links: series.edges.map(link => series.data[link.source].name + ' -> ' + series.data[link.target].name),
                painted: painted
            };
            """;

    /** Not 8080, which other builds on this machine may serve; Quarkus's own random port would not be known here */
    private static final int PORT = freePort();

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addPackages(true, "io.quarkiverse.moduleevents.it.user", "io.quarkiverse.moduleevents.it.mail",
                            "io.quarkiverse.moduleevents.it.audit", "io.quarkiverse.moduleevents.it.crm")
                    .addAsResource(new StringAsset("quarkus.application.name=module-events-example\n"
                            + "quarkus.http.port=" + PORT + "\n"
                            // the Dev UI's extension manager would ask the Quarkus extension registry, off the network
                            + "quarkus.dev-ui.allow-extension-management=false\n"), "application.properties"));

    private static ChromeDriver browser;

    static boolean browserOrCi() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) || "true".equals(System.getenv("CI"));
    }

    @BeforeAll
    static void startBrowser() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "CI runs this test: .ci/run must install Chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + ")");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        browser.executeScript("console.error('probe of the console check')");
        assertTrue(consoleErrors().stream().anyMatch(error -> error.contains("probe of the console check")),
                "the browser's console errors cannot be read");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * One test, because QuarkusDevModeTest starts the application anew for each.
     */
    @Test
    void theEventsFlowAndSentEventsPagesShowTheExampleService() throws IOException {
        theEventsPageListsEveryModuleEvent();
        theFlowPageDrawsTheGraphAboveTheMermaidText();
        theSentEventsPageShowsAnEventSentByARequest();
    }

    private void theEventsPageListsEveryModuleEvent() throws IOException {
        SearchContext page = open("events", "qwc-module-events-events");

        WebElement grid = page.findElement(By.cssSelector("vaadin-grid"));
        List<String> cells = await().atMost(RENDERED).until(() -> cellTexts(grid),
                texts -> texts.contains("user:account:created"));
        assertTrue(cells.contains("mail:welcome:sent"), cells::toString);
        screenshot("events");
        assertNoConsoleErrors("events");
    }

    @SuppressWarnings("unchecked")
    private void theFlowPageDrawsTheGraphAboveTheMermaidText() throws IOException {
        SearchContext page = open("flow", "qwc-module-events-flow");

        WebElement graph = page.findElement(By.cssSelector("echarts-force-graph"));
        Map<String, Object> drawn = await().atMost(RENDERED).ignoreExceptions().until(
                () -> (Map<String, Object>) browser.executeScript(GRAPH, graph),
                shown -> ((Number) shown.get("painted")).longValue() > 1000);
        List<String> nodes = (List<String>) drawn.get("nodes");
        List<String> links = (List<String>) drawn.get("links");
        assertTrue(nodes.containsAll(List.of("user", "mail", "user:account:created", "mail:welcome:sent")),
                nodes::toString);
        assertTrue(links.containsAll(List.of("user -> user:account:created", "user:account:created -> mail",
                "mail -> mail:welcome:sent", "crm -> user", "mail -> user")), links::toString);
        String dependencies = page.findElement(By.cssSelector("table.dependencies")).getDomProperty("textContent");
        // the events stand one per line (<br>), which adds no text between them
        assertTrue(dependencies.replaceAll("\\s+", " ").contains("crm depends on user user:account:created"
                + "user:welcome:requested by events only"), dependencies);
        WebElement mermaid = page.findElement(By.cssSelector("pre"));
        String text = mermaid.getDomProperty("textContent");
        assertTrue(text.startsWith("flowchart LR") && text.contains("user:account:created"), text);
        assertTrue(graph.getRect().getY() < mermaid.getRect().getY(), "the graph is drawn above the Mermaid text");
        screenshot("flow");
        assertNoConsoleErrors("flow");
    }

    private void theSentEventsPageShowsAnEventSentByARequest() throws IOException {
        SearchContext page = open("sent-events", "qwc-module-events-sent");
        WebElement grid = page.findElement(By.cssSelector("vaadin-grid"));
        assertFalse(cellTexts(grid).stream().anyMatch(text -> text.contains("chromium@example.com")),
                "nothing was sent before the request");

        given().baseUri("http://localhost:" + PORT).contentType(ContentType.JSON)
                .body(Map.of("name", "chromium", "email", "chromium@example.com"))
                .post("/users")
                .then().statusCode(201);

        List<String> cells = await().atMost(RENDERED).until(() -> cellTexts(grid),
                texts -> texts.stream().anyMatch(text -> text.contains("chromium@example.com")));
        assertTrue(cells.contains("user:account:created"), cells::toString);
        screenshot("sent-events");
        assertNoConsoleErrors("sent-events");
    }

    /**
     * Opens a page of the card and waits until the Dev UI shell has rendered its web component, shadow root included.
     *
     * @return the component's shadow root
     */
    private SearchContext open(String page, String component) {
        browser.get("http://localhost:" + PORT + "/q/dev-ui/quarkus-module-events/" + page);
        // the element can be in the page before its module has loaded and given it a shadow root
        return await().atMost(RENDERED).ignoreExceptions().until(
                () -> ((WebElement) browser.executeScript(FIND_DEEP, component)).getShadowRoot(),
                root -> root != null);
    }

    private static void assertNoConsoleErrors(String page) {
        assertEquals(List.of(), consoleErrors(), "errors in the browser's console on the " + page + " page");
    }

    /**
     * @return the errors (failed requests too) that the browser's console got since the last call
     */
    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cellTexts(WebElement grid) {
        return grid.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .map(cell -> cell.getDomProperty("textContent").strip()).toList();
    }

    private static void screenshot(String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(page + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
