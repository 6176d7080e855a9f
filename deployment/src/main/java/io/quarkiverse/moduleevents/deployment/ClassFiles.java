package io.quarkiverse.moduleevents.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jboss.jandex.DotName;

/**
 * Reads application class files as the build sees them, without loading the classes.
 */
final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * @return the class file's bytes, {@code null} when the build's class loader has none
     */
    static byte[] read(DotName type) {
        String resource = type.toString().replace('.', '/') + ".class";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
