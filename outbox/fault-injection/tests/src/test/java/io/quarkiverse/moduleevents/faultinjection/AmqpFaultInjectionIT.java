package io.quarkiverse.moduleevents.faultinjection;

import java.nio.file.Path;

/**
 * The fault-injection scenarios on ActiveMQ Artemis over AMQP 1.0, with the services {@code producer-amqp} and
 * {@code consumer-amqp}: the same sources, on the {@code smallrye-amqp} connector. The scenarios whose fault does
 * not touch the broker path run on Kafka only.
 */
class AmqpFaultInjectionIT extends FaultInjectionScenarios {

    @Override
    Broker broker(Path dataDir) {
        return new OnArtemis(dataDir);
    }

    @Override
    String brokerName() {
        return "Artemis (AMQP 1.0)";
    }

    @Override
    boolean runsBrokerIndependentScenarios() {
        return false;
    }
}
