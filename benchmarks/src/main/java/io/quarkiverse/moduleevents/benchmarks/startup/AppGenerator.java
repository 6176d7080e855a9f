package io.quarkiverse.moduleevents.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes a synthetic Quarkus application of M modules × E events × R receivers, in one of two variants that differ
 * only in how events are declared and sent:
 * <ul>
 * <li>{@link Variant#EXTENSION}: each module declares its events in an {@code @EventModule} interface with
 * {@code @Payload}, and its service sends through the injected typed emitter.</li>
 * <li>{@link Variant#BASELINE}: no extension; the same interfaces hold the same constants without annotations, and the
 * service fires a raw CDI event through an injected {@code @Named(name) Event<Payload>}, the idiomatic way, which
 * ArC resolves once (selecting per fire would resolve the observers on every event).</li>
 * </ul>
 * Both have the same receivers, {@code @Observes @Named(...)} methods, R per event, living in the next module; the same
 * payload record per module; the same HTTP endpoints: {@code /ready} sends the first event of every module (so every
 * emitter exists after the first request), {@code /heap} collects garbage and reports heap, non-heap and loaded
 * classes.
 */
public final class AppGenerator {

    public enum Variant {
        BASELINE,
        EXTENSION;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Size(int modules, int events, int receivers) {

        static Size parse(String text) {
            String[] parts = text.split("x");
            return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        int totalEvents() {
            return modules * events;
        }

        int totalReceivers() {
            return modules * events * receivers;
        }

        @Override
        public String toString() {
            return modules + "x" + events + "x" + receivers;
        }
    }

    private final String quarkusVersion;
    private final String extensionVersion;

    public AppGenerator(String quarkusVersion, String extensionVersion) {
        this.quarkusVersion = quarkusVersion;
        this.extensionVersion = extensionVersion;
    }

    /**
     * Writes the application into {@code directory}, replacing whatever was there.
     */
    public void generate(Path directory, Size size, Variant variant) throws IOException {
        deleteRecursively(directory);
        Path sources = directory.resolve("src/main/java/bench");
        write(directory.resolve("pom.xml"), pom(size, variant));
        write(directory.resolve("src/main/resources/application.properties"), """
                quarkus.banner.enabled=false
                quarkus.http.host=127.0.0.1
                """);
        for (int m = 0; m < size.modules(); m++) {
            String module = module(m);
            String next = module((m + 1) % size.modules());
            Path moduleDir = sources.resolve(module);
            write(moduleDir.resolve(type(module, "Payload") + ".java"), payload(module));
            write(moduleDir.resolve(type(module, "Events") + ".java"), events(module, size, variant));
            write(moduleDir.resolve(type(module, "Service") + ".java"), service(module, variant));
            for (int r = 1; r <= size.receivers(); r++) {
                write(sources.resolve(next).resolve("From" + type(module, "Receiver" + r) + ".java"),
                        receiver(module, next, r, size));
            }
        }
        write(sources.resolve("Probe.java"), probe(size));
    }

    private String pom(Size size, Variant variant) {
        String extension = variant == Variant.EXTENSION ? """
                        <dependency>
                            <groupId>io.quarkiverse.moduleevents</groupId>
                            <artifactId>quarkus-module-events</artifactId>
                            <version>%s</version>
                        </dependency>
                """.formatted(extensionVersion) : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>bench</groupId>
                    <artifactId>%s-%s</artifactId>
                    <version>1</version>
                    <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                        <quarkus.version>%s</quarkus.version>
                    </properties>
                    <dependencyManagement>
                        <dependencies>
                            <dependency>
                                <groupId>io.quarkus</groupId>
                                <artifactId>quarkus-bom</artifactId>
                                <version>${quarkus.version}</version>
                                <type>pom</type>
                                <scope>import</scope>
                            </dependency>
                        </dependencies>
                    </dependencyManagement>
                    <dependencies>
                        <dependency>
                            <groupId>io.quarkus</groupId>
                            <artifactId>quarkus-vertx-http</artifactId>
                        </dependency>
                %s    </dependencies>
                    <build>
                        <plugins>
                            <plugin>
                                <groupId>org.apache.maven.plugins</groupId>
                                <artifactId>maven-compiler-plugin</artifactId>
                                <version>3.14.1</version>
                            </plugin>
                            <plugin>
                                <groupId>io.quarkus</groupId>
                                <artifactId>quarkus-maven-plugin</artifactId>
                                <version>${quarkus.version}</version>
                                <extensions>true</extensions>
                                <executions>
                                    <execution>
                                        <goals>
                                            <goal>build</goal>
                                        </goals>
                                    </execution>
                                </executions>
                            </plugin>
                        </plugins>
                    </build>
                </project>
                """.formatted(variant.label(), size, quarkusVersion, extension);
    }

    private static String payload(String module) {
        return """
                package bench.%s;

                public record %s(long id, String text) {
                }
                """.formatted(module, type(module, "Payload"));
    }

    private static String events(String module, Size size, Variant variant) {
        StringBuilder out = new StringBuilder("package bench." + module + ";\n\n");
        if (variant == Variant.EXTENSION) {
            out.append("import io.quarkiverse.moduleevents.EventEmitter;\n")
                    .append("import io.quarkiverse.moduleevents.EventModule;\n")
                    .append("import io.quarkiverse.moduleevents.Payload;\n\n")
                    .append("@EventModule(\"").append(module).append("\")\n")
                    .append("public interface ").append(type(module, "Events")).append(" extends EventEmitter {\n");
        } else {
            out.append("public interface ").append(type(module, "Events")).append(" {\n");
        }
        for (int e = 0; e < size.events(); e++) {
            out.append('\n');
            if (variant == Variant.EXTENSION) {
                out.append("    @Payload(").append(type(module, "Payload")).append(".class)\n");
            }
            out.append("    String ").append(key(e)).append(" = \"").append(eventName(module, e)).append("\";\n");
        }
        return out.append("}\n").toString();
    }

    private static String service(String module, Variant variant) {
        String events = type(module, "Events");
        String payload = type(module, "Payload");
        if (variant == Variant.EXTENSION) {
            return """
                    package bench.%1$s;

                    import jakarta.enterprise.context.ApplicationScoped;
                    import jakarta.inject.Inject;

                    @ApplicationScoped
                    public class %2$s {

                        @Inject
                        %3$s events;

                        public void touch(long id) {
                            events.send(%3$s.E000, new %4$s(id, "ready"));
                        }
                    }
                    """.formatted(module, type(module, "Service"), events, payload);
        }
        return """
                package bench.%1$s;

                import jakarta.enterprise.context.ApplicationScoped;
                import jakarta.enterprise.event.Event;
                import jakarta.inject.Inject;
                import jakarta.inject.Named;

                @ApplicationScoped
                public class %2$s {

                    @Inject
                    @Named(%3$s.E000)
                    Event<%4$s> e000;

                    public void touch(long id) {
                        e000.fire(new %4$s(id, "ready"));
                    }
                }
                """.formatted(module, type(module, "Service"), events, payload);
    }

    private static String receiver(String module, String next, int r, Size size) {
        StringBuilder out = new StringBuilder();
        out.append("package bench.").append(next).append(";\n\n")
                .append("import jakarta.enterprise.context.ApplicationScoped;\n")
                .append("import jakarta.enterprise.event.Observes;\n")
                .append("import jakarta.inject.Named;\n\n")
                .append("import bench.").append(module).append('.').append(type(module, "Events")).append(";\n")
                .append("import bench.").append(module).append('.').append(type(module, "Payload")).append(";\n\n")
                .append("@ApplicationScoped\n")
                .append("public class From").append(type(module, "Receiver" + r)).append(" {\n\n")
                .append("    long seen;\n");
        for (int e = 0; e < size.events(); e++) {
            out.append("\n    void on").append(key(e)).append("(@Observes @Named(").append(type(module, "Events"))
                    .append('.').append(key(e)).append(") ").append(type(module, "Payload"))
                    .append(" payload) {\n        seen += payload.id();\n    }\n");
        }
        return out.append("}\n").toString();
    }

    private static String probe(Size size) {
        StringBuilder fields = new StringBuilder();
        StringBuilder touches = new StringBuilder();
        for (int m = 0; m < size.modules(); m++) {
            String module = module(m);
            fields.append("    @Inject\n    bench.").append(module).append('.').append(type(module, "Service"))
                    .append(' ').append(module).append(";\n\n");
            touches.append("        ").append(module).append(".touch(").append(m).append(");\n");
        }
        return """
                package bench;

                import java.lang.management.ManagementFactory;
                import java.lang.management.MemoryMXBean;

                import jakarta.enterprise.context.ApplicationScoped;
                import jakarta.enterprise.event.Observes;
                import jakarta.inject.Inject;

                import io.vertx.ext.web.Router;

                @ApplicationScoped
                public class Probe {

                %s    void routes(@Observes Router router) {
                        router.get("/ready").handler(rc -> {
                            touchEveryModule();
                            rc.response().end("ready");
                        });
                        router.get("/heap").blockingHandler(rc -> rc.response().end(heap()));
                    }

                    void touchEveryModule() {
                %s    }

                    static String heap() {
                        for (int i = 0; i < 3; i++) {
                            System.gc();
                        }
                        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                        return memory.getHeapMemoryUsage().getUsed() + " " + memory.getNonHeapMemoryUsage().getUsed() + " "
                                + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
                    }
                }
                """.formatted(fields, touches);
    }

    private static String module(int m) {
        return String.format(Locale.ROOT, "m%03d", m);
    }

    private static String key(int e) {
        return String.format(Locale.ROOT, "E%03d", e);
    }

    private static String eventName(String module, int e) {
        return module + ":bench:" + key(e).toLowerCase(Locale.ROOT);
    }

    private static String type(String module, String suffix) {
        return Character.toUpperCase(module.charAt(0)) + module.substring(1) + suffix;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
