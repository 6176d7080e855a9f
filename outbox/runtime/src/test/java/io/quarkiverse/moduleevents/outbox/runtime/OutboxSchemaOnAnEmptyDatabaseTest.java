package io.quarkiverse.moduleevents.outbox.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.PostgresServer;

/**
 * Instances of a service, or several services, that start at once on an empty PostgreSQL database all create the
 * outbox's tables: each must start, none must fail on the table another is creating.
 */
class OutboxSchemaOnAnEmptyDatabaseTest {

    private static final int INSTANCES = 4;
    private static final int ROUNDS = 10;

    @TempDir
    static Path data;

    static PostgresServer postgres;
    static List<AgroalDataSource> dataSources = new ArrayList<>();

    @BeforeAll
    static void start() throws SQLException {
        postgres = new PostgresServer("schema", FreePorts.next(), data.resolve("db")).start();
        for (int i = 0; i < INSTANCES; i++) {
            dataSources.add(AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(2)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(postgres.jdbcUrl())
                                    .principal(new NamePrincipal("postgres"))
                                    .credential(new SimplePassword("postgres"))))));
        }
    }

    @AfterAll
    static void stop() {
        dataSources.forEach(AgroalDataSource::close);
        postgres.close();
    }

    @Test
    void instancesStartingAtOnceAllCreateTheTables() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        try {
            createAtOnce(threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private void createAtOnce(ExecutorService threads) throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            dropTables();
            CyclicBarrier together = new CyclicBarrier(INSTANCES);
            List<CompletableFuture<Void>> instances = new ArrayList<>();
            for (AgroalDataSource dataSource : dataSources) {
                OutboxSchema schema = new OutboxSchema(new OutboxDataSource("<default>", Dialect.POSTGRESQL,
                        dataSource));
                instances.add(CompletableFuture.runAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        schema.create();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            for (CompletableFuture<Void> instance : instances) {
                instance.get(30, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), new OutboxSchema(new OutboxDataSource("<default>", Dialect.POSTGRESQL,
                    dataSources.get(0))).missing(), "round " + round);
        }
    }

    private static void dropTables() throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS module_events_outbox, module_events_inbox");
        }
    }
}
