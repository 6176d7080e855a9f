package io.quarkiverse.moduleevents.faultinjection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.moduleevents.testsupport.PostgresServer;

/**
 * Classifies every business id a scenario tried to place. The truth of what was sent is the producer's database: an
 * id is committed when its order row exists. Against it: the messages that reached the broker (per CloudEvents id and
 * per business id), the consumer's table {@code processed} (deliveries per id), the dead letters, and, when the outbox
 * is there, the rows of {@code module_events_outbox} whose status is {@code DEAD}. For the durable receivers' app,
 * which sends and receives in one database: a receiver's rows in {@code effects} (one per delivery that committed) and
 * its {@code DEAD} records.
 */
final class Checker {

    private static final Pattern BUSINESS_ID = Pattern.compile("\"businessId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HEX = Pattern.compile("\\\\\\\\x([0-9a-fA-F]+)");

    /**
     * Non-exclusive counts, except that {@code delivered}, {@code lost}, {@code deadLettered} and {@code dead} split the
     * committed ids.
     *
     * @param attempted ids the scenario tried to place
     * @param committed ids whose order row (so whose sending transaction) committed
     * @param delivered committed ids the consumer processed at least once
     * @param lost committed ids neither processed, nor dead-lettered, nor {@code DEAD} in the outbox
     * @param brokerDuplicates committed ids with more than one message on the broker
     * @param sameCloudEventTwice CloudEvents ids found more than once on the broker (a resend of one event)
     * @param receiverDuplicates ids the consumer processed more than once
     * @param deadLettered committed ids dead-lettered and never processed
     * @param dead committed ids whose outbox row is {@code DEAD} and never processed
     * @param phantoms ids NOT committed that are on the broker or were processed (a rolled-back event that went out)
     * @param withoutCloudEventId messages on the broker that carry no CloudEvents id
     * @param restarts services the scenario restarted because their liveness check was down
     */
    record Result(String scenario, int attempted, int committed, int delivered, int lost, int brokerDuplicates,
            int sameCloudEventTwice, int receiverDuplicates, int deadLettered, int dead, int phantoms,
            int withoutCloudEventId, int messagesOnBroker, int restarts, long seconds, Set<String> lostIds,
            Set<String> deadLetteredIds, Set<String> deadIds, Set<String> phantomIds) {

        static String header() {
            return "| scenario | attempted | committed | delivered | lost | broker dup. | same CE id twice"
                    + " | receiver dup. | dead-lettered | DEAD | phantom | messages | restarts | seconds |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
        }

        String row() {
            return "| " + scenario + " | " + attempted + " | " + committed + " | " + delivered + " | " + lost + " | "
                    + brokerDuplicates + " | " + sameCloudEventTwice + " | " + receiverDuplicates + " | "
                    + deadLettered + " | " + dead + " | " + phantoms + " | " + messagesOnBroker + " | " + restarts
                    + " | " + seconds + " |";
        }
    }

    /**
     * What a scenario left behind, read from the servers by {@link #observe}.
     *
     * @param committed business ids whose order row exists
     * @param deadInOutbox business ids of the outbox rows whose status is {@code DEAD}
     * @param deliveries per business id, how often the consumer processed it
     * @param published every message on the broker, duplicates included
     * @param deadLetters the bodies of the dead-lettered messages
     */
    record Observed(Set<String> committed, Set<String> deadInOutbox, Map<String, Integer> deliveries,
            List<Broker.Published> published, List<String> deadLetters) {
    }

    /**
     * What the durable receivers' app left behind for one receiver, read by {@link #observeEffects}.
     *
     * @param committed business ids whose order row exists
     * @param effects per business id, how many effect rows the receiver wrote
     * @param dead per business id whose record of the receiver is {@code DEAD}, the record's last error
     */
    record EffectsObserved(Set<String> committed, Map<String, Integer> effects, Map<String, String> dead) {
    }

    /**
     * A receiver's effects, by business id: {@code delivered}, {@code lost} and {@code dead} split the committed ids.
     *
     * @param delivered committed ids with at least one effect row
     * @param lostIds committed ids with no effect row and no {@code DEAD} record
     * @param duplicatedIds ids with more than one effect row (a second delivery that committed)
     * @param deadIds committed ids with no effect row whose record is {@code DEAD}, with its last error
     * @param phantomIds ids NOT committed that have an effect row (a rolled-back send that reached the receiver)
     * @param effectRows the receiver's effect rows, of every id
     * @param kills SIGKILLs and halts of the app during the scenario
     */
    record EffectsResult(String scenario, String receiver, int attempted, int committed, int delivered,
            Set<String> lostIds, Set<String> duplicatedIds, Map<String, String> deadIds, Set<String> phantomIds,
            int effectRows, int kills, long seconds) {

        static String header() {
            return "| scenario | receiver | attempted | committed | delivered | lost | effects duplicated | DEAD"
                    + " | phantom | effect rows | kills | seconds |\n"
                    + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
        }

        String row() {
            return "| " + scenario + " | " + receiver + " | " + attempted + " | " + committed + " | " + delivered
                    + " | " + lostIds.size() + " | " + duplicatedIds.size() + " | " + deadIds.size() + " | "
                    + phantomIds.size() + " | " + effectRows + " | " + kills + " | " + seconds + " |";
        }
    }

    private Checker() {
    }

    static Result check(String scenario, Collection<String> attempted, PostgresServer producerDb,
            PostgresServer consumerDb, Broker broker, String destination, int restarts, long seconds)
            throws SQLException {
        return classify(scenario, attempted, observe(producerDb, consumerDb, broker, destination), restarts, seconds);
    }

    static Observed observe(PostgresServer producerDb, PostgresServer consumerDb, Broker broker, String destination)
            throws SQLException {
        Set<String> committed;
        Set<String> deadInOutbox = new HashSet<>();
        try (Connection connection = producerDb.connect(); Statement statement = connection.createStatement()) {
            committed = committedOrders(statement);
            if (tableExists(connection, "module_events_outbox")) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT row_to_json(o)::text FROM module_events_outbox o WHERE o.status = 'DEAD'")) {
                    while (rows.next()) {
                        String id = businessId(rows.getString(1));
                        if (id != null) {
                            deadInOutbox.add(id);
                        }
                    }
                }
            }
        }
        Map<String, Integer> deliveries = new HashMap<>();
        try (Connection connection = consumerDb.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT business_id, deliveries FROM processed")) {
            while (rows.next()) {
                deliveries.put(rows.getString(1), rows.getInt(2));
            }
        }
        return new Observed(committed, deadInOutbox, deliveries, broker.published(destination),
                broker.deadLettered(destination));
    }

    /** Classifies every attempted business id against what the servers hold; reads nothing itself. */
    static Result classify(String scenario, Collection<String> attempted, Observed observed, int restarts,
            long seconds) {
        Map<String, Integer> messagesPerId = new HashMap<>();
        Map<String, Integer> messagesPerCloudEvent = new HashMap<>();
        int withoutCloudEventId = 0;
        for (Broker.Published message : observed.published()) {
            if (message.cloudEventId() == null || message.cloudEventId().isEmpty()) {
                withoutCloudEventId++;
            } else {
                messagesPerCloudEvent.merge(message.cloudEventId(), 1, Integer::sum);
            }
            String id = businessId(message.body());
            if (id != null) {
                messagesPerId.merge(id, 1, Integer::sum);
            }
        }
        Set<String> deadLetters = new HashSet<>();
        for (String body : observed.deadLetters()) {
            String id = businessId(body);
            if (id != null) {
                deadLetters.add(id);
            }
        }

        Set<String> ids = new LinkedHashSet<>(attempted);
        int committed = 0;
        int delivered = 0;
        int brokerDuplicates = 0;
        int receiverDuplicates = 0;
        Set<String> lost = new LinkedHashSet<>();
        Set<String> deadLettered = new LinkedHashSet<>();
        Set<String> dead = new LinkedHashSet<>();
        Set<String> phantoms = new LinkedHashSet<>();
        for (String id : ids) {
            int processed = observed.deliveries().getOrDefault(id, 0);
            int onBroker = messagesPerId.getOrDefault(id, 0);
            if (processed > 1) {
                receiverDuplicates++;
            }
            if (!observed.committed().contains(id)) {
                if (processed > 0 || onBroker > 0) {
                    phantoms.add(id);
                }
                continue;
            }
            committed++;
            if (onBroker > 1) {
                brokerDuplicates++;
            }
            if (processed > 0) {
                delivered++;
            } else if (deadLetters.contains(id)) {
                deadLettered.add(id);
            } else if (observed.deadInOutbox().contains(id)) {
                dead.add(id);
            } else {
                lost.add(id);
            }
        }
        int sameCloudEventTwice = (int) messagesPerCloudEvent.values().stream().filter(count -> count > 1).count();
        return new Result(scenario, ids.size(), committed, delivered, lost.size(), brokerDuplicates,
                sameCloudEventTwice, receiverDuplicates, deadLettered.size(), dead.size(), phantoms.size(),
                withoutCloudEventId, observed.published().size(), restarts, seconds, lost, deadLettered, dead,
                phantoms);
    }

    /**
     * What a receiver of the durable receivers' app left behind: its effect rows, and the app's {@code DEAD} records
     * of it. The app sends and receives; its orders are the truth of what was sent.
     *
     * @param receiver the value of {@code effects.receiver}: {@code durable} or {@code async}
     * @param durableReceiver the receiver's {@code class#method} in the outbox's {@code receiver} column, {@code null}
     *        for a receiver that is not durable
     */
    static EffectsObserved observeEffects(PostgresServer db, String receiver, String durableReceiver)
            throws SQLException {
        Map<String, Integer> effects = new HashMap<>();
        Map<String, String> dead = new HashMap<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            Set<String> committed = committedOrders(statement);
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT business_id, count(*) FROM effects WHERE receiver = ? GROUP BY business_id")) {
                query.setString(1, receiver);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        effects.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            if (durableReceiver != null && tableExists(connection, "module_events_outbox")) {
                try (PreparedStatement query = connection.prepareStatement("SELECT payload, last_error FROM"
                        + " module_events_outbox WHERE status = 'DEAD' AND receiver = ?")) {
                    query.setString(1, durableReceiver);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            String id = businessId(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                            if (id != null) {
                                dead.put(id, String.valueOf(rows.getString(2)));
                            }
                        }
                    }
                }
            }
            return new EffectsObserved(committed, effects, dead);
        }
    }

    /** Classifies every attempted business id against a receiver's effects; reads nothing itself. */
    static EffectsResult classifyEffects(String scenario, String receiver, Collection<String> attempted,
            EffectsObserved observed, int kills, long seconds) {
        Set<String> ids = new LinkedHashSet<>(attempted);
        int committed = 0;
        int delivered = 0;
        Set<String> lost = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        Map<String, String> dead = new LinkedHashMap<>();
        Set<String> phantoms = new LinkedHashSet<>();
        for (String id : ids) {
            int effects = observed.effects().getOrDefault(id, 0);
            if (effects > 1) {
                duplicated.add(id);
            }
            if (!observed.committed().contains(id)) {
                if (effects > 0) {
                    phantoms.add(id);
                }
                continue;
            }
            committed++;
            if (effects > 0) {
                delivered++;
            } else if (observed.dead().containsKey(id)) {
                dead.put(id, observed.dead().get(id));
            } else {
                lost.add(id);
            }
        }
        int effectRows = observed.effects().values().stream().mapToInt(Integer::intValue).sum();
        return new EffectsResult(scenario, receiver, ids.size(), committed, delivered, lost, duplicated, dead,
                phantoms, effectRows, kills, seconds);
    }

    private static Set<String> committedOrders(Statement statement) throws SQLException {
        Set<String> committed = new HashSet<>();
        try (ResultSet rows = statement.executeQuery("SELECT business_id FROM orders")) {
            while (rows.next()) {
                committed.add(rows.getString(1));
            }
        }
        return committed;
    }

    /** The single number a query answers. */
    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** The business id in an event's JSON, also when a database shows it as {@code bytea} hex. */
    static String businessId(String text) {
        Matcher matcher = BUSINESS_ID.matcher(text);
        if (matcher.find()) {
            return matcher.group(1);
        }
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            String digits = hex.group(1);
            byte[] bytes = new byte[digits.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
            }
            Matcher inner = BUSINESS_ID.matcher(new String(bytes, StandardCharsets.UTF_8));
            if (inner.find()) {
                return inner.group(1);
            }
        }
        return null;
    }
}
