package io.quarkiverse.moduleevents.faultinjection;

import java.nio.file.Path;

/** The fault-injection scenarios on Kafka, with the services {@code producer} and {@code consumer}. */
class KafkaFaultInjectionIT extends FaultInjectionScenarios {

    @Override
    Broker broker(Path dataDir) {
        return new OnKafka(dataDir);
    }

    @Override
    String brokerName() {
        return "Kafka";
    }

    @Override
    boolean runsBrokerIndependentScenarios() {
        return true;
    }
}
