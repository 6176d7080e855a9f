package io.quarkiverse.moduleevents.outbox.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.PostgresServer;

/**
 * A PostgreSQL server of its own, which a test stops and starts again on the same port with its data. A test class is
 * loaded twice, by JUnit and by the application, each time with a class of its own: both reach the one server held by
 * this class as the system class loader loaded it.
 */
final class StoppablePostgres {

    private static PostgresServer server;

    private StoppablePostgres() {
    }

    static String url() {
        return (String) onTheSystemClassLoader("jdbcUrl");
    }

    static void stop() {
        onTheSystemClassLoader("stopServer");
    }

    static void start() {
        onTheSystemClassLoader("startServer");
    }

    private static Object onTheSystemClassLoader(String method) {
        try {
            Method shared = Class.forName(StoppablePostgres.class.getName(), true, ClassLoader.getSystemClassLoader())
                    .getDeclaredMethod(method);
            shared.setAccessible(true);
            return shared.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String jdbcUrl() {
        return server().jdbcUrl();
    }

    private static synchronized void stopServer() {
        server().stop();
    }

    private static synchronized void startServer() {
        server().start();
    }

    private static PostgresServer server() {
        if (server == null) {
            try {
                server = new PostgresServer("stoppable", FreePorts.next(), Files.createTempDirectory("stoppable-pg"))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }
}
