package io.quarkiverse.moduleevents.deployment;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Who sends and who receives each declared event: the model of {@code catalog.json}, its Markdown page and the Dev
 * UI. Modules are sorted by name, each module's events keep their declaration order, and the senders, sends,
 * receivers and channels of an event are sorted, so that two builds of the same application write the same files.
 */
public final class EventCatalogBuildItem extends SimpleBuildItem {

    private final List<CatalogModule> modules;
    private final List<CatalogDependency> dependencies;

    EventCatalogBuildItem(List<CatalogModule> modules, List<CatalogDependency> dependencies) {
        this.modules = List.copyOf(modules);
        this.dependencies = List.copyOf(dependencies);
    }

    /**
     * @return the modules, sorted by name
     */
    public List<CatalogModule> modules() {
        return modules;
    }

    /**
     * @return what each module depends on in other modules, sorted by module and the module depended on
     */
    public List<CatalogDependency> dependencies() {
        return dependencies;
    }

    /**
     * One module's dependency on another.
     *
     * @param module the depending module, named as its receivers' {@link CatalogReceiver#module()}
     * @param on the module it depends on
     * @param events the events of {@code on} that the module's receivers observe, sorted
     * @param direct the types of {@code on} that the module's classes use although {@code on} does not publish them,
     *        sorted: each is a crossing of the module boundary, which {@code quarkus.module-events.boundaries} reports
     */
    public record CatalogDependency(String module, String on, List<String> events, List<String> direct) {
    }

    /**
     * @param name the module's name
     * @param declaringInterface the interface that declares it
     * @param events its events in declaration order
     */
    public record CatalogModule(String name, String declaringInterface, List<CatalogEvent> events) {
    }

    /**
     * @param key the constant's field name
     * @param name the event name
     * @param payload the declared payload type, {@code null} when any object
     * @param senders the methods that send it with a constant name, as {@code class#method}, sorted
     * @param sends every call that sends it with a constant name, sorted by caller and line
     * @param receivers the observer methods that can receive it, by priority then method
     * @param outgoing the broker channels it goes out on, sorted
     * @param incoming the broker channels it comes in from, sorted
     */
    public record CatalogEvent(String key, String name, String payload, List<String> senders, List<CatalogSend> sends,
            List<CatalogReceiver> receivers, List<String> outgoing, List<String> incoming) {

        /**
         * @return whether something receives the event: an observer method, or a channel it goes out on
         */
        public boolean received() {
            return !receivers.isEmpty() || !outgoing.isEmpty();
        }

        /**
         * @return whether nothing sends the event and nothing receives it, here or through a broker
         */
        public boolean unused() {
            return senders.isEmpty() && incoming.isEmpty() && !received();
        }
    }

    /**
     * One call that sends an event with a constant name.
     *
     * @param sender the calling method, as {@code class#method}
     * @param with the emitter method called: {@code send}, {@code sendAsync} or {@code sendRobust}
     * @param line the source line, -1 when the class has no line numbers
     */
    public record CatalogSend(String sender, String with, int line) {
    }

    /**
     * @param method the observer method, as {@code class#method}
     * @param module the module the receiving class belongs to: the module whose {@code @EventModule} interface or
     *        package is in its package or a parent package, else the last segment of its package
     * @param async whether it observes asynchronously
     * @param priority its {@code @Priority}
     * @param pattern the pattern it observes, such as {@code user:*:created}; {@code null} when it observes the name,
     *        the module or the type
     * @param runs {@code false} when it never runs for this event: every call that sends the event with a constant
     *        name sends it the other way ({@code sendAsync} only for a synchronous receiver, never {@code sendAsync}
     *        for an asynchronous one) and no broker channel brings it in; a durable receiver runs for every way of
     *        sending; a receiver that requires a qualifier of {@link FiredQualifierBuildItem} ({@code @Remote}) runs
     *        only when a broker channel brings the event in
     * @param durable whether it is a durable receiver, which the outbox records when the event is sent and calls after
     *        the commit (see {@link DurableReceiverBuildItem})
     * @param remote whether it receives only the events a broker channel brings in (it requires {@code @Remote})
     */
    public record CatalogReceiver(String method, String module, boolean async, int priority, String pattern, boolean runs,
            boolean durable, boolean remote) {
    }
}
