package io.quarkiverse.moduleevents.benchmarks;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.SimpleApplicationEventMulticaster;

import com.google.common.eventbus.EventBus;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.Application;

/**
 * One event with one or ten receivers, delivered by each mechanism a Quarkus user might choose.
 * <p>
 * Every JMH fork boots the packaged Quarkus application (see {@link QuarkusApp}), so the CDI cases run on the classes
 * ArC generated at build time, exactly as in production. The request context is active on the benchmark thread, as it
 * is in a REST call; without it ArC activates and terminates one for every synchronous event. The asynchronous cases
 * wait until every receiver has run, so they measure the time to delivery, not the time to hand the event over; they
 * wait by yielding, because a thread spinning on one of two cores starves the threads that deliver.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
public class DispatchBenchmark {

    /** Some seconds of waiting: a delivery that never comes fails the benchmark rather than hanging it. */
    private static final int STUCK_AFTER_YIELDS = 1 << 28;

    @Param({ "1", "10" })
    int observers;

    private Application application;
    private ManagedContext requestContext;
    private Tick tick;
    private boolean ten;

    private Receivers receivers;
    private Event<Object> events;
    private Event<Object> preselected;
    private Event<Object> preselectedAsync;
    private String name;
    private String asyncName;
    private BenchEvents emitter;
    private MeteredEvents meteredEmitter;
    private String meteredName;
    private List<ObserverMethod<? super Object>> observerMethods;
    private EventMetadata metadata;
    private io.vertx.core.eventbus.EventBus vertxBus;
    private BusReceivers busReceivers;
    private String address;
    private long delivered;
    private EventBus guava;
    private SimpleApplicationEventMulticaster spring;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        application = QuarkusApp.start();
        Fixtures fixtures = Arc.container().instance(Fixtures.class).get();
        requestContext = Arc.container().requestContext();
        tick = new Tick(42, "bench");
        ten = observers == 10;

        receivers = fixtures.receivers;
        events = fixtures.events;
        name = BenchEvents.syncName(observers);
        asyncName = BenchEvents.asyncName(observers);
        preselected = events.select(NamedLiteral.of(name));
        preselectedAsync = events.select(NamedLiteral.of(asyncName));
        emitter = fixtures.emitter;
        meteredEmitter = fixtures.meteredEmitter;
        meteredName = MeteredEvents.syncName(observers);
        // resolveObserverMethods returns them in priority order
        observerMethods = new ArrayList<>(Arc.container().beanManager().resolveObserverMethods((Object) tick,
                NamedLiteral.of(name)));
        metadata = new Metadata(Set.of(NamedLiteral.of(name), Any.Literal.INSTANCE), Tick.class);

        vertxBus = fixtures.bus;
        busReceivers = fixtures.busReceivers;
        address = BusReceivers.address(observers);
        delivered = busReceivers.delivered();

        guava = new EventBus("bench");
        spring = new SimpleApplicationEventMulticaster();
        for (int i = 0; i < observers; i++) {
            guava.register(new GuavaReceiver());
            spring.addApplicationListener(new SpringReceiver());
        }
    }

    @Setup(Level.Iteration)
    public void activateRequestContext() {
        requestContext.activate();
    }

    @TearDown(Level.Iteration)
    public void terminateRequestContext() {
        requestContext.terminate();
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        application.stop();
    }

    @Benchmark
    public void directCall() {
        Receivers r = receivers;
        Tick t = tick;
        if (ten) {
            r.ten01(t);
            r.ten02(t);
            r.ten03(t);
            r.ten04(t);
            r.ten05(t);
            r.ten06(t);
            r.ten07(t);
            r.ten08(t);
            r.ten09(t);
            r.ten10(t);
        } else {
            r.one(t);
        }
    }

    @Benchmark
    public void arcPreselectedFire() {
        preselected.fire(tick);
    }

    @Benchmark
    public void arcSelectPerFire() {
        events.select(NamedLiteral.of(name)).fire(tick);
    }

    /**
     * Not a way to send events: the observers ArC generated, resolved once and notified in a loop, without
     * {@code Event.fire}. It tells how much of a fire is ArC's per-observer work, which no emitter built on CDI
     * observers can avoid.
     */
    @Benchmark
    public void arcObserversNotified() {
        EventContext<Object> context = new Context(tick, metadata);
        for (ObserverMethod<? super Object> observer : observerMethods) {
            observer.notify(context);
        }
    }

    @Benchmark
    public void moduleEmitterSend() {
        emitter.send(name, tick);
    }

    /**
     * {@code moduleEmitterSend} with the extension's Micrometer counters (see {@link MeteredModuleMeters}): one
     * increment of {@code module.events.sent} per send.
     */
    @Benchmark
    public void moduleEmitterSendWithMetrics() {
        meteredEmitter.send(meteredName, tick);
    }

    @Benchmark
    public Object moduleEmitterSendRobust() {
        return emitter.sendRobust(name, tick);
    }

    @Benchmark
    public Tick arcFireAsync() {
        return awaitDelivery(preselectedAsync.fireAsync(tick).toCompletableFuture());
    }

    @Benchmark
    public Tick moduleEmitterSendAsync() {
        return awaitDelivery(emitter.sendAsync(asyncName, tick).toCompletableFuture());
    }

    @Benchmark
    public void vertxEventBusLocal() {
        vertxBus.publish(address, tick);
        long expected = delivered += observers;
        int yields = 0;
        while (busReceivers.delivered() < expected) {
            Thread.yield();
            if (++yields == STUCK_AFTER_YIELDS) {
                throw new IllegalStateException("Vert.x did not deliver to every consumer of " + address);
            }
        }
    }

    @Benchmark
    public void guavaEventBus() {
        guava.post(tick);
    }

    @Benchmark
    public void springMulticaster() {
        spring.multicastEvent(new PayloadApplicationEvent<>(this, tick));
    }

    private record Context(Object getEvent, EventMetadata getMetadata) implements EventContext<Object> {
    }

    private record Metadata(Set<Annotation> getQualifiers, Type getType) implements EventMetadata {

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }
    }

    private static Tick awaitDelivery(CompletableFuture<Tick> delivery) {
        int yields = 0;
        while (!delivery.isDone()) {
            Thread.yield();
            if (++yields == STUCK_AFTER_YIELDS) {
                throw new IllegalStateException("The asynchronous event was not delivered");
            }
        }
        return delivery.join();
    }
}
