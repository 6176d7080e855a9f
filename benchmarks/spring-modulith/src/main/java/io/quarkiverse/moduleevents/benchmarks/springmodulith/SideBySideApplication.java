package io.quarkiverse.moduleevents.benchmarks.springmodulith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The Spring Modulith side of the durable receivers comparison: the module {@code order} sends {@code OrderPlaced}
 * in the transaction that inserts the order, the module {@code effects} reacts with one row in {@code effects}, and
 * {@code load} serves the HTTP contract the driver measures through (see the README).
 */
@SpringBootApplication
@EnableAsync
public class SideBySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(SideBySideApplication.class, args);
    }
}
