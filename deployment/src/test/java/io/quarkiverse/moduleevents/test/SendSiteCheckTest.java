package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UndeclaredEventSentException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every emitter call with a constant name is checked against the emitter's module, however the emitter was injected.
 */
class SendSiteCheckTest {

    private static final String SIGNUP = SendSiteCheckTest.class.getName() + "$Signup";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, MailEvents.class, Signup.class))
            .assertException(failure -> {
                List<String> messages = BuildProblems.of(failure).stream()
                        .filter(UndeclaredEventSentException.class::isInstance).map(Throwable::getMessage)
                        .map(message -> message.replaceAll("line \\d+", "line N")).sorted()
                        .toList();
                assertEquals(List.of(
                        "Emitter call names an event of another module: 'mail:welcome:sent' is declared by module"
                                + " 'mail', but the emitter is module 'user''s [method: " + SIGNUP
                                + "#generic, line N]; send it through @Inject @EventModule(\"mail\") EventEmitter",
                        "Emitter call names an event that module 'mail' does not declare: 'mail:welcome:snet'"
                                + " [method: " + SIGNUP + "#injectedInConstructor, line N];"
                                + " did you mean 'mail:welcome:sent'?",
                        "Emitter call names an event that module 'mail' does not declare: 'mail:welcome:snt'"
                                + " [method: " + SIGNUP + "#parameter, line N]; did you mean 'mail:welcome:sent'?",
                        "Emitter call names an event that module 'user' does not declare: 'user:acount:created'"
                                + " [method: " + SIGNUP + "#typed, line N]; did you mean 'user:account:created'?",
                        "Emitter call names an event that no module declares: 'billing:invoice:paid' [method: "
                                + SIGNUP + "#unknownEmitter, line N]; declare it as a String constant of the"
                                + " module's @EventModule interface"),
                        messages);
            });

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        String ACCOUNT_CREATED = "user:account:created";
    }

    @EventModule("mail")
    public interface MailEvents {
        String WELCOME_SENT = "mail:welcome:sent";
    }

    @ApplicationScoped
    public static class Signup {

        @Inject
        UserEvents users;

        @Inject
        @EventModule("user")
        EventEmitter genericUsers;

        private final EventEmitter mail;

        Signup(@EventModule("mail") EventEmitter mail) {
            this.mail = mail;
        }

        void typed() {
            users.send(UserEvents.ACCOUNT_CREATED, "alice");
            users.send("user:acount:created", "alice");
        }

        void generic() {
            genericUsers.sendAsync(MailEvents.WELCOME_SENT, "welcome");
        }

        void injectedInConstructor() {
            mail.sendRobust(MailEvents.WELCOME_SENT, "welcome");
            mail.hasReceivers("mail:welcome:snet");
        }

        void parameter(@EventModule("mail") EventEmitter emitter) {
            emitter.send("mail:welcome:snt", "welcome");
        }

        void unknownEmitter(List<EventEmitter> emitters) {
            emitters.get(0).send("billing:invoice:paid", 42);
            emitters.get(0).send(UserEvents.ACCOUNT_CREATED, 42);
        }
    }
}
