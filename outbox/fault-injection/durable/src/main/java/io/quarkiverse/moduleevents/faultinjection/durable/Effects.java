package io.quarkiverse.moduleevents.faultinjection.durable;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.faultinjection.producer.OrderEvents;
import io.quarkiverse.moduleevents.faultinjection.producer.OrderPlaced;
import io.quarkiverse.moduleevents.faultinjection.producer.Tables;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkus.runtime.StartupEvent;

/**
 * The receivers: each delivery inserts one row {@code effects(business_id, receiver, instance)}. The table has no key,
 * so a second delivery of an event is a second row. {@link #onPlaced} is {@code @Durable}: it runs in the delivery's
 * transaction, which also completes the record. {@link #onPlacedAsync} is the baseline, a plain {@code @ObservesAsync}
 * receiver that inserts in a transaction of its own; it is called only when the app sends with {@code sendAsync}
 * ({@code fault-injection.send-async=true}), which also records the event for the durable receiver.
 * <p>
 * Faults, switched on by system properties, all in the durable receiver and after its insert, so that they fail a
 * transaction that holds its effect: {@code fault-injection.halt-after-effect-ids} (ids separated by commas) halts the
 * JVM ({@code Runtime.halt}, exit status {@value #HALT_STATUS}) once per id, remembered as a file of that name in the
 * directory {@code fault-injection.halt-marks}, since the database work rolls back with the halt;
 * {@code fault-injection.poison-id} throws for that id every time; {@code fault-injection.flaky-id} throws for that id
 * twice, then succeeds. {@code fault-injection.receiver-millis} and {@code fault-injection.async-receiver-millis} make
 * the durable and the asynchronous receiver take that long per event.
 */
@ApplicationScoped
public class Effects {

    /** The exit status of a JVM halted after an effect. */
    public static final int HALT_STATUS = 86;
    static final String DURABLE = "durable";
    static final String ASYNC = "async";
    private static final int FLAKY_FAILURES = 2;
    private static final Logger LOG = Logger.getLogger(Effects.class);

    private final AgroalDataSource dataSource;
    private final String instance;
    private final long receiverMillis;
    private final long asyncReceiverMillis;
    private final List<String> haltAfterEffectIds;
    private final Optional<Path> haltMarks;
    private final Optional<String> poisonId;
    private final Optional<String> flakyId;
    private final Map<String, AtomicLong> failuresOnRequest = new ConcurrentHashMap<>();

    Effects(AgroalDataSource dataSource,
            @ConfigProperty(name = "fault-injection.instance", defaultValue = "producer") String instance,
            @ConfigProperty(name = "fault-injection.receiver-millis", defaultValue = "0") long receiverMillis,
            @ConfigProperty(name = "fault-injection.async-receiver-millis", defaultValue = "0") long asyncReceiverMillis,
            @ConfigProperty(name = "fault-injection.halt-after-effect-ids") Optional<List<String>> haltAfterEffectIds,
            @ConfigProperty(name = "fault-injection.halt-marks") Optional<Path> haltMarks,
            @ConfigProperty(name = "fault-injection.poison-id") Optional<String> poisonId,
            @ConfigProperty(name = "fault-injection.flaky-id") Optional<String> flakyId) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.receiverMillis = receiverMillis;
        this.asyncReceiverMillis = asyncReceiverMillis;
        this.haltAfterEffectIds = haltAfterEffectIds.orElse(List.of());
        this.haltMarks = haltMarks;
        this.poisonId = poisonId;
        this.flakyId = flakyId;
    }

    void createSchema(@Observes StartupEvent start) throws SQLException {
        Tables.create(dataSource, "effects", "CREATE TABLE IF NOT EXISTS effects (business_id VARCHAR(100) NOT NULL,"
                + " receiver VARCHAR(20) NOT NULL, instance VARCHAR(100) NOT NULL,"
                + " created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
    }

    @Durable
    void onPlaced(@Observes @Named(OrderEvents.PLACED) OrderPlaced order) throws SQLException, IOException {
        String id = order.businessId();
        pause(receiverMillis);
        insert(id, DURABLE);
        if (haltAfterEffectIds.contains(id) && markHalt(id)) {
            LOG.warnf("Inserted the effect of %s; halting before the delivery's commit", id);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        if (poisonId.filter(id::equals).isPresent()) {
            failOnRequest(id, "Poison order " + id + ": this receiver always fails for it");
        }
        if (flakyId.filter(id::equals).isPresent() && failures(id).get() < FLAKY_FAILURES) {
            failOnRequest(id, "Flaky order " + id + ": this receiver fails for it " + FLAKY_FAILURES + " times");
        }
    }

    void onPlacedAsync(@ObservesAsync @Named(OrderEvents.PLACED) OrderPlaced order) throws SQLException {
        pause(asyncReceiverMillis);
        insertInOwnTransaction(order.businessId());
    }

    @Transactional
    void insertInOwnTransaction(String businessId) throws SQLException {
        insert(businessId, ASYNC);
    }

    /** How often the durable receiver threw on request, per business id. */
    Map<String, Long> failuresOnRequest() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        failuresOnRequest.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    private void insert(String businessId, String receiver) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO effects (business_id, receiver,"
                        + " instance) VALUES (?, ?, ?)")) {
            insert.setString(1, businessId);
            insert.setString(2, receiver);
            insert.setString(3, instance);
            insert.executeUpdate();
        }
    }

    /** @return whether this is the first halt for the id */
    private boolean markHalt(String businessId) throws IOException {
        Path marks = haltMarks.orElseThrow(() -> new IllegalStateException("Set fault-injection.halt-marks"));
        try {
            Files.createDirectories(marks);
            Files.writeString(marks.resolve(businessId), "halted after inserting the effect\n",
                    StandardOpenOption.CREATE_NEW);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private AtomicLong failures(String businessId) {
        return failuresOnRequest.computeIfAbsent(businessId, id -> new AtomicLong());
    }

    private void failOnRequest(String businessId, String message) {
        failures(businessId).incrementAndGet();
        throw new IllegalStateException(message);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
