package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.incoming;
import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;

import java.nio.file.Path;
import java.util.function.Consumer;

import io.quarkiverse.moduleevents.deployment.ContractBaselines;
import io.quarkiverse.moduleevents.deployment.EventChannelBuildItem;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.EventContractException;
import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The application of the event contract tests: the current release of the orders module, whose
 * {@code orders:order:placed} goes out on channel {@code orders-out} and {@code orders:payment:received} comes in from
 * channel {@code payments-in}, built against a baseline.
 */
final class ContractTests {

    static final String OUTGOING = "`orders:order:placed` goes out on channel orders-out, read by consumers already"
            + " deployed with the baseline's schema: ";
    static final String INCOMING = "`orders:payment:received` comes in from channel payments-in, written by producers"
            + " already deployed with the baseline's schema: ";

    private static final boolean DEPLOYMENT_CLASSES_VISIBLE = visible(
            "io.quarkiverse.moduleevents.deployment.ContractBaselines");

    private ContractTests() {
    }

    /**
     * @param writer writes the baseline to the file it is given, with {@code ContractBaselines}, which only the test's
     *        own class loader sees: the application's class loader initialises the test class again, where the
     *        baseline is only named
     * @return the baseline's file, {@code target/contract-baselines/<test>.json}
     */
    static Path baseline(Class<?> test, Consumer<Path> writer) {
        Path file = Path.of("target", "contract-baselines", test.getSimpleName() + ".json").toAbsolutePath();
        if (DEPLOYMENT_CLASSES_VISIBLE) {
            writer.accept(file);
        }
        return file;
    }

    /**
     * @return the baseline's file, of a release whose {@code orders:order:placed} went out on channel
     *         {@code orders-out} with the payload type {@code orderThen} and whose {@code orders:payment:received} came
     *         in from channel {@code payments-in} with {@code paymentThen}
     */
    static Path baseline(Class<?> test, Class<?> orderThen, Class<?> paymentThen) {
        return baseline(test, file -> ContractBaselines.write(file, "orders",
                outgoing(OrderEvents.ORDER_PLACED, orderThen, "orders-out"),
                incoming(OrderEvents.PAYMENT_RECEIVED, paymentThen, "payments-in")));
    }

    /**
     * @param contractBreak the message of the one break, after "Event contract broken: ": the event and its channel
     *        ({@link #OUTGOING}, {@link #INCOMING}), the field path and the rule
     * @return a test that asserts that the build against the baseline fails with that break, its message ending with
     *         how to accept it
     */
    static QuarkusUnitTest failsWith(Path baseline, String contractBreak) {
        return against(baseline).assertException(BuildProblems.expect(EventContractException.class,
                "Event contract broken: " + contractBreak, accept(baseline)));
    }

    static QuarkusUnitTest against(Path baseline) {
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Order.Status.class,
                        Order.Line.class, Payment.class, Payment.Method.class, ContractTests.class))
                .overrideConfigKey("quarkus.module-events.contract.baseline", baseline.toString())
                .overrideConfigKey("quarkus.http.test-port", "0")
                .addBuildChainCustomizer(chain -> chain.addBuildStep(new BridgeTheOrderEvents())
                        .produces(EventChannelBuildItem.class).build());
    }

    /**
     * @return the end of every message: how to accept the break
     */
    static String accept(Path baseline) {
        return "If the break is intended, accept it by replacing the baseline " + baseline + " with this build's ";
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, ContractTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * In a class of its own, not a lambda of the test: it is loaded with the build's classes.
     */
    static final class BridgeTheOrderEvents implements BuildStep {
        @Override
        public void execute(BuildContext context) {
            context.produce(new EventChannelBuildItem(OrderEvents.ORDER_PLACED, "orders-out", true));
            context.produce(new EventChannelBuildItem(OrderEvents.PAYMENT_RECEIVED, "payments-in", false));
        }
    }
}
