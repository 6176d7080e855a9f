package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkus.test.QuarkusUnitTest;

class SendTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, MailEvents.class, User.class,
                    Receivers.class));

    @Inject
    UserEvents users;

    @Inject
    @EventModule("user")
    EventEmitter genericUsers;

    @Inject
    @EventModule("mail")
    EventEmitter mail;

    @Inject
    Receivers receivers;

    @BeforeEach
    void clear() {
        receivers.clear();
    }

    @Test
    void sendCallsReceiversInPriorityOrderWithBothQualifiers() {
        User alice = new User("alice");
        users.send(UserEvents.ACCOUNT_CREATED, alice);

        assertEquals(List.of("first:alice", "second:alice", "module:user:account:created"), receivers.calls());
        assertEquals(Set.of("@EventModule(\"user\")", "@Named(\"user:account:created\")", "@Any"),
                receivers.lastQualifiers());
    }

    @Test
    void aNameIsFoundByItsValueNotItsIdentity() {
        // built at run time: equal to the constants, never the same strings
        String accountCreated = new String(UserEvents.ACCOUNT_CREATED);
        String phoneCreated = String.join(":", "user", "phones", "created");
        users.send(UserEvents.ACCOUNT_CREATED, new User("dora"));
        users.send(accountCreated, new User("erin"));
        users.send(phoneCreated, "+33 6");
        users.send(UserEvents.PHONE_CREATED, "+33 7");
        users.send(accountCreated, new User("fay"));

        assertEquals(List.of("first:dora", "second:dora", "module:user:account:created",
                "first:erin", "second:erin", "module:user:account:created",
                "module:user:phones:created", "phone:+33 6",
                "module:user:phones:created", "phone:+33 7",
                "first:fay", "second:fay", "module:user:account:created"), receivers.calls());
    }

    @Test
    void typedAndGenericInjectionShareTheModule() {
        assertEquals("user", users.module());
        assertEquals("user", genericUsers.module());
        assertEquals("mail", mail.module());
        genericUsers.send(UserEvents.ACCOUNT_CREATED, new User("bob"));
        assertEquals(List.of("first:bob", "second:bob", "module:user:account:created"), receivers.calls());
    }

    @Test
    void namesAreTheDeclaredConstantsInDeclarationOrder() {
        assertEquals(List.of("ACCOUNT_CREATED", "PHONE_CREATED", "EMAIL_CREATED"),
                List.copyOf(users.names().keySet()));
        assertEquals(Map.of("ACCOUNT_CREATED", "user:account:created", "PHONE_CREATED", "user:phones:created",
                "EMAIL_CREATED", "user:emails:created"), users.names());
        assertThrows(UnsupportedOperationException.class, () -> users.names().put("X", "user:x:y"));
        assertEquals("user:emails:created", users.name("EMAIL_CREATED"));
        IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class,
                () -> users.name("EMAIL_CREATD"));
        assertTrue(unknownKey.getMessage().contains("Module 'user' declares no key 'EMAIL_CREATD'"),
                unknownKey.getMessage());
        assertTrue(unknownKey.getMessage().contains("did you mean 'EMAIL_CREATED'?"), unknownKey.getMessage());
        assertTrue(unknownKey.getMessage().contains("ACCOUNT_CREATED, PHONE_CREATED, EMAIL_CREATED"),
                unknownKey.getMessage());
    }

    @Test
    void anEventWithoutPayloadTypeAcceptsAnyObject() {
        users.send(UserEvents.PHONE_CREATED, "+33 1 23 45 67 89");
        users.send(UserEvents.PHONE_CREATED, 42);
        assertEquals(List.of("module:user:phones:created", "phone:+33 1 23 45 67 89", "module:user:phones:created"),
                receivers.calls());
    }

    @Test
    void hasReceiversTellsWhetherAnyObserverCanReceive() {
        assertTrue(users.hasReceivers(UserEvents.ACCOUNT_CREATED));
        assertTrue(users.hasReceivers(UserEvents.EMAIL_CREATED), "the module observer receives every user event");
        assertFalse(mail.hasReceivers(MailEvents.SENT));
        String undeclared = String.join(":", "mail", "nothing", "here");
        assertThrows(IllegalArgumentException.class, () -> mail.hasReceivers(undeclared));
    }

    @Test
    void nameOfTellsTheEventName() {
        users.send(UserEvents.EMAIL_CREATED, new User("carol"));
        assertEquals(List.of("module:user:emails:created"), receivers.calls());
        assertSame(null, EventEmitter.nameOf(new EventMetadata() {
            @Override
            public Set<java.lang.annotation.Annotation> getQualifiers() {
                return Set.of(Any.Literal.INSTANCE);
            }

            @Override
            public jakarta.enterprise.inject.spi.InjectionPoint getInjectionPoint() {
                return null;
            }

            @Override
            public java.lang.reflect.Type getType() {
                return Object.class;
            }
        }));
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        @Payload(User.class)
        String ACCOUNT_CREATED = "user:account:created";
        String PHONE_CREATED = "user:phones:created";
        @Payload(User.class)
        String EMAIL_CREATED = "user:emails:created";
    }

    @EventModule("mail")
    public interface MailEvents {
        @Payload(String.class)
        String SENT = "mail:message:sent";
    }

    public record User(String name) {
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();
        private volatile Set<String> lastQualifiers;

        void second(@Observes @Priority(20) @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("second:" + user.name());
        }

        void first(@Observes @Priority(10) @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("first:" + user.name());
        }

        void phone(@Observes @Named(UserEvents.PHONE_CREATED) String phone) {
            calls.add("phone:" + phone);
        }

        void everyUserEvent(@Observes @Priority(30) @EventModule("user") Object payload, EventMetadata metadata) {
            calls.add("module:" + EventEmitter.nameOf(metadata));
            lastQualifiers = metadata.getQualifiers().stream().map(Receivers::describe).collect(Collectors.toSet());
        }

        private static String describe(Annotation qualifier) {
            if (qualifier instanceof Named named) {
                return "@Named(\"" + named.value() + "\")";
            }
            if (qualifier instanceof EventModule module) {
                return "@EventModule(\"" + module.value() + "\")";
            }
            return "@" + qualifier.annotationType().getSimpleName();
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        Set<String> lastQualifiers() {
            return lastQualifiers;
        }

        void clear() {
            calls.clear();
        }
    }
}
