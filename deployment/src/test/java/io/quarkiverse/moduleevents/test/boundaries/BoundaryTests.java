package io.quarkiverse.moduleevents.test.boundaries;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.ModuleBoundaryException;
import io.quarkiverse.moduleevents.test.boundaries.mail.MailEvents;
import io.quarkiverse.moduleevents.test.boundaries.shared.Audited;
import io.quarkiverse.moduleevents.test.boundaries.shared.Texts;
import io.quarkiverse.moduleevents.test.boundaries.user.Account;
import io.quarkiverse.moduleevents.test.boundaries.user.Address;
import io.quarkiverse.moduleevents.test.boundaries.user.Role;
import io.quarkiverse.moduleevents.test.boundaries.user.Signup;
import io.quarkiverse.moduleevents.test.boundaries.user.UserEvents;
import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The application of the module boundary tests: a user module with its own {@code UserDirectory}, a mail module, and
 * shared code; each test adds the mail classes it is about.
 */
final class BoundaryTests {

    static final String PACKAGE = BoundaryTests.class.getPackageName();
    static final String DIRECTORY = UserDirectory.class.getName();

    private BoundaryTests() {
    }

    /**
     * @return an application of the user module, the mail module and these mail classes
     */
    static QuarkusUnitTest application(Class<?>... mailClasses) {
        return new QuarkusUnitTest().withApplicationRoot(root -> root
                .addClasses(UserEvents.class, Account.class, Address.class, Role.class, Signup.class,
                        UserDirectory.class, MailEvents.class, Audited.class, Texts.class, BoundaryTests.class)
                .addClasses(mailClasses))
                // a random port: other builds on the machine may hold 8081
                .overrideConfigKey("quarkus.http.test-port", "0");
    }

    /**
     * @return a test that asserts that the build with {@code quarkus.module-events.boundaries=fail} fails with this
     *         one crossing of the mail class into {@code UserDirectory}
     */
    static QuarkusUnitTest failsFor(Class<?> mailClass, String where) {
        return application(mailClass)
                .overrideConfigKey("quarkus.module-events.boundaries", "fail")
                .assertException(BuildProblems.expectMessages(ModuleBoundaryException.class,
                        crossing(mailClass, DIRECTORY, where)));
    }

    /**
     * @param where the member, line and kind of reference, as the message gives them in brackets
     */
    static String crossing(Class<?> mailClass, String type, String where) {
        return "Class reaches into another module: " + mailClass.getName() + " (module 'mail') uses " + type
                + " of module 'user' [" + where + "]; send `user:...` or observe an event instead: of module 'user'"
                + " use only its @EventModule interface and its events' payload types";
    }
}
