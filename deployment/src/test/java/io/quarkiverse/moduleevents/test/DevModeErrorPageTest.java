package io.quarkiverse.moduleevents.test;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ModuleEventsProblemsException;
import io.quarkiverse.moduleevents.test.devmode.ShopEvents;
import io.quarkiverse.moduleevents.test.devmode.ShopRoutes;
import io.quarkiverse.moduleevents.test.devmode.Warehouse;
import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * In dev mode, the headline of the error page is the problem list of module events, not the exception that carried
 * the failure (Vert.x's NoStackTraceException), for every kind of problem: an observer, a declaration, a send site.
 */
class DevModeErrorPageTest {

    private static final String OBSERVED = "@Named(ShopEvents.ORDER_PLACED)";
    private static final String OBSERVED_TYPO = "@Named(\"shop:ordr:placed\")";
    private static final String SENT = "shop.sendRobust(ShopEvents.ORDER_PLACED,";
    private static final String SENT_TYPO = "shop.sendRobust(\"shop:order:paid\",";

    // not 8080: dev mode tests of other checkouts may run on this machine at the same time
    private static final int PORT = FreePorts.next();

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, ShopRoutes.class, Warehouse.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT), "application.properties"))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());

    @BeforeEach
    void useThePort() {
        RestAssured.port = PORT;
    }

    @AfterEach
    void resetThePort() {
        RestAssured.reset();
    }

    @Test
    void aTypoInAnObserverIsTheHeadline() {
        String problem = "Observer observes an event that no module declares: 'shop:ordr:placed' [method: "
                + Warehouse.class.getName() + "#reserve(String)]; did you mean 'shop:order:placed'?";
        RestAssured.get("/names").then().statusCode(200);
        test.clearLogRecords();

        test.modifySourceFile(Warehouse.class, source -> source.replace(OBSERVED, OBSERVED_TYPO));
        ErrorPage page = ErrorPage.of(RestAssured.get("/names"));
        assertEquals(problem, page.headline());
        assertTrue(page.title().contains(problem), page.title());
        assertFalse(page.html().contains("NoStackTraceException"), page.header());
        assertFirstErrorLogged(problem);
        // a second request, with nothing changed, shows the same page
        assertEquals(problem, ErrorPage.of(RestAssured.get("/names")).headline());

        test.modifySourceFile(Warehouse.class, source -> source.replace(OBSERVED_TYPO, OBSERVED));
        RestAssured.get("/names").then().statusCode(200).body(is("shop:order:placed"));
    }

    @Test
    void aBrokenDeclarationAndWhatItBreaksAreListedOnePerLine() {
        RestAssured.get("/names").then().statusCode(200);

        // javac copied the old value into ShopRoutes and Warehouse, which dev mode does not recompile: three problems
        test.modifySourceFile(ShopEvents.class, source -> source.replace("\"shop:order:placed\"", "\"Shop:Order\""));
        ErrorPage page = ErrorPage.of(RestAssured.get("/names"));
        assertEquals("Found 3 deployment problems:", page.headline());
        List<String> problems = page.problems();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("Emitter call names an event that module 'shop' does not declare:"
                + " 'shop:order:placed' [method: " + ShopRoutes.class.getName() + "#register, line "), problems::toString);
        assertTrue(problems.get(1).startsWith("Event name breaks the naming pattern: 'Shop:Order' [constant: "
                + ShopEvents.class.getName() + "#ORDER_PLACED"), problems::toString);
        assertTrue(problems.get(2).startsWith("Observer observes an event that no module declares: 'shop:order:placed'"),
                problems::toString);
        assertFalse(page.html().contains("NoStackTraceException"), page.header());

        test.modifySourceFile(ShopEvents.class, source -> source.replace("\"Shop:Order\"", "\"shop:order:placed\""));
        RestAssured.get("/names").then().statusCode(200).body(is("shop:order:placed"));
    }

    @Test
    void aTypoInASendSiteIsTheHeadline() {
        RestAssured.get("/names").then().statusCode(200);

        test.modifySourceFile(ShopRoutes.class, source -> source.replace(SENT, SENT_TYPO));
        ErrorPage page = ErrorPage.of(RestAssured.get("/names"));
        assertTrue(page.headline().startsWith("Emitter call names an event that module 'shop' does not declare:"
                + " 'shop:order:paid' [method: " + ShopRoutes.class.getName() + "#register, line "), page.headline());
        assertTrue(page.headline().endsWith("did you mean 'shop:order:placed'?"), page.headline());
        assertFalse(page.html().contains("NoStackTraceException"), page.header());

        test.modifySourceFile(ShopRoutes.class, source -> source.replace(SENT_TYPO, SENT));
        RestAssured.get("/names").then().statusCode(200).body(is("shop:order:placed"));
    }

    /**
     * The first error in the log is the failed restart, and the exception at its root is the problem list.
     */
    private static void assertFirstErrorLogged(String problem) {
        List<LogRecord> errors = test.getLogRecords();
        assertFalse(errors.isEmpty(), "no error logged");
        Throwable root = errors.get(0).getThrown();
        assertTrue(root != null, () -> "no exception in " + errors.get(0).getMessage());
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals(ModuleEventsProblemsException.class.getName(), root.getClass().getName());
        assertEquals(problem, root.getMessage());
    }

    record ErrorPage(String html) {

        private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
        private static final Pattern HEADER = Pattern.compile("<header>(.*?)</header>", Pattern.DOTALL);
        private static final Pattern HEADLINE = Pattern.compile("<h2[^>]*>(.*?)</h2>", Pattern.DOTALL);
        private static final Pattern PROBLEMS = Pattern.compile("<ol class=\"module-events-problems\">(.*?)</ol>",
                Pattern.DOTALL);
        private static final Pattern PROBLEM = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL);

        static ErrorPage of(Response response) {
            assertEquals(500, response.statusCode(), response::asString);
            return new ErrorPage(response.asString());
        }

        String title() {
            return group(TITLE, html);
        }

        String header() {
            return group(HEADER, html);
        }

        /** The exception message line under the page's banner. */
        String headline() {
            return group(HEADLINE, header()).trim();
        }

        List<String> problems() {
            return PROBLEM.matcher(group(PROBLEMS, html)).results().map(result -> text(result.group(1))).toList();
        }

        private static String group(Pattern pattern, String html) {
            Matcher matcher = pattern.matcher(html);
            assertTrue(matcher.find(), () -> pattern + " not in " + html);
            return text(matcher.group(1));
        }

        private static String text(String html) {
            return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
    }
}
