package io.quarkiverse.moduleevents.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jboss.jandex.DotName;

/**
 * The application's classes as the build sees them: their class files, read without loading the classes, and the
 * classes themselves, loaded without initialising them. For the processors of all three extensions.
 */
public final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * @return the class file's bytes, {@code null} when the build's class loader has none
     */
    public static byte[] read(DotName type) {
        String resource = type.toString().replace('.', '/') + ".class";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the class of that name, loaded by the build's class loader and not initialised; {@code null} for
     *         {@code null}
     * @throws IllegalStateException when the build's class loader has no such class
     */
    public static Class<?> load(String className) {
        if (className == null) {
            return null;
        }
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot load " + className + " with the build's class loader", e);
        }
    }
}
