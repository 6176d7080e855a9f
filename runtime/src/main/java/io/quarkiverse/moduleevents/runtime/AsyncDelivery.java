package io.quarkiverse.moduleevents.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.ObserverMethod;

import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkus.arc.Arc;
import io.quarkus.arc.AsyncObserverExceptionHandler;

/**
 * One {@code sendAsync}, delivered as ArC's {@code Event.fireAsync} delivers it: the asynchronous receivers run in
 * priority order on the container's executor (with the request context, see {@link RequestContextActivation}), each
 * failure goes to the application's {@link AsyncObserverExceptionHandler}, and the stage completes with the payload,
 * or exceptionally with a {@link CompletionException} that carries every receiver's exception as suppressed (and as
 * its cause when only one threw). Dependent stages run on the container's executor unless given another, as on the
 * stage ArC returns.
 */
final class AsyncDelivery<T> implements Runnable, ReceiverFailureHandler {

    private static final Logger LOG = Logger.getLogger(AsyncDelivery.class);

    private final T payload;
    private final ResolvedReceivers receivers;
    private final Stage<T> stage;
    /** {@code null} when nobody listens */
    private final Consumer<List<ReceiverFailure>> delivered;
    private final List<ReceiverFailure> failures = new ArrayList<>(0);
    private AsyncObserverExceptionHandler exceptionHandler;

    private AsyncDelivery(T payload, ResolvedReceivers receivers, Stage<T> stage,
            Consumer<List<ReceiverFailure>> delivered) {
        this.payload = payload;
        this.receivers = receivers;
        this.stage = stage;
        this.delivered = delivered;
    }

    /**
     * @param delivered told of the receivers' failures, none when none threw, before the stage completes;
     *        {@code null} when nobody listens
     */
    static <T> CompletionStage<T> start(T payload, ResolvedReceivers receivers,
            Consumer<List<ReceiverFailure>> delivered) {
        Executor executor = Arc.container().getExecutorService();
        Stage<T> stage = new Stage<>(executor);
        if (receivers.none()) {
            if (delivered != null) {
                delivered.accept(List.of());
            }
            stage.complete(payload);
        } else {
            executor.execute(new AsyncDelivery<>(payload, receivers, stage, delivered));
        }
        return stage;
    }

    /**
     * @return a stage completed exceptionally with what the forwarder threw, as the stage of a delivery whose only
     *         receiver threw it
     */
    static <T> CompletionStage<T> failed(RuntimeException forwarderFailure) {
        Stage<T> stage = new Stage<>(Arc.container().getExecutorService());
        CompletionException exception = new CompletionException(forwarderFailure);
        exception.addSuppressed(forwarderFailure);
        stage.completeExceptionally(exception);
        return stage;
    }

    @Override
    public void run() {
        try {
            // looked up for each delivery, as ArC does, so that a @Dependent handler is a new one each time
            exceptionHandler = Arc.container().instance(AsyncObserverExceptionHandler.class).get();
            receivers.notifyAsynchronous(payload, this);
            if (delivered != null) {
                delivered.accept(failures.isEmpty() ? List.of() : List.copyOf(failures));
            }
        } catch (Throwable unexpected) {
            stage.completeExceptionally(
                    unexpected instanceof CompletionException ? unexpected : new CompletionException(unexpected));
            return;
        }
        if (failures.isEmpty()) {
            stage.complete(payload);
        } else {
            stage.completeExceptionally(completionException());
        }
    }

    @Override
    public void failed(int position, ObserverMethod<?> receiver, EventContext<?> context, Throwable error) {
        failures.add(new ReceiverFailure(receivers.asynchronousNames.get(position), error));
        try {
            exceptionHandler.handle(error, receiver, context);
        } catch (Exception e) {
            LOG.errorf(e, "Cannot handle exception of an async observer: %s", error);
        }
    }

    private CompletionException completionException() {
        CompletionException exception = new CompletionException(
                failures.size() == 1 ? failures.get(0).error() : null);
        for (ReceiverFailure failure : failures) {
            exception.addSuppressed(failure.error());
        }
        return exception;
    }

    /**
     * A stage whose dependent stages created without an executor run on the container's executor.
     */
    private static final class Stage<T> extends CompletableFuture<T> {

        private final Executor executor;

        Stage(Executor executor) {
            this.executor = executor;
        }

        @Override
        public Executor defaultExecutor() {
            return executor;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new Stage<>(executor);
        }
    }
}
