package io.quarkiverse.moduleevents.runtime.dev;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.dev.ErrorPageGenerators;
import io.quarkus.dev.spi.HotReplacementContext;
import io.quarkus.dev.spi.HotReplacementSetup;
import io.quarkus.runtime.TemplateHtmlBuilder;

/**
 * Dev mode's error page for a build that module events failed: the problems are its headline, each on its own line.
 * Without it, the page's headline is the exception that carried the failure to the HTTP layer (Vert.x's
 * {@code NoStackTraceException}, with no message), and the problems appear only inside the stack trace.
 * <p>
 * Quarkus renders a registered page for the root cause of the failure, which is the deployment module's
 * {@code ModuleEventsProblemsException} whenever only module events reported problems; when ArC or another extension
 * reported problems too, Quarkus's default page lists all of them. Found through
 * {@code META-INF/services/io.quarkus.dev.spi.HotReplacementSetup}.
 */
public class ModuleEventsErrorPageSetup implements HotReplacementSetup {

    // a name, not a class literal: runtime code cannot see the deployment module
    static final String PROBLEMS_EXCEPTION = "io.quarkiverse.moduleevents.deployment.ModuleEventsProblemsException";
    static final String TITLE = "Error restarting Quarkus";

    @Override
    public void setupHotDeployment(HotReplacementContext context) {
        // registering twice throws, and only the HTTP extension clears the registry when dev mode stops
        if (ErrorPageGenerators.get(PROBLEMS_EXCEPTION) == null) {
            ErrorPageGenerators.register(PROBLEMS_EXCEPTION, ModuleEventsErrorPageSetup::page);
        }
    }

    /**
     * @param failure a {@code ModuleEventsProblemsException}: its problems are its suppressed exceptions
     */
    static String page(Throwable failure) {
        List<String> problems = problems(failure);
        String headline = problems.size() == 1 ? problems.get(0) : firstLine(failure.getMessage());
        TemplateHtmlBuilder page = new TemplateHtmlBuilder(TITLE, headline, headline);
        if (problems.size() > 1) {
            page.append("<ol class=\"module-events-problems\">\n");
            for (String problem : problems) {
                page.append("<li>" + escape(problem) + "</li>\n");
            }
            page.append("</ol>\n");
        }
        return page.stack(failure).toString();
    }

    private static List<String> problems(Throwable failure) {
        List<String> problems = new ArrayList<>();
        for (Throwable problem : failure.getSuppressed()) {
            problems.add(String.valueOf(problem.getMessage()));
        }
        if (problems.isEmpty()) {
            problems.add(String.valueOf(failure.getMessage()));
        }
        return problems;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
