package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.SendSite.EmitterMethod;

/**
 * The scanner reads, from bytecode alone, which emitter method each call uses and the static type of its payload.
 */
class SendSiteScannerTest {

    private static final String SHOP = "shop:order:placed";

    @Test
    void readsTheEmitterMethodAndThePayloadsStaticType() throws IOException {
        SendSiteScanner scanner = new SendSiteScanner(Map.of(ShopEvents.class.getName().replace('.', '/'), "shop"));
        List<SendSite> sites = scanner.scan(classFile(Calls.class));

        assertEquals(List.of(
                "newObject sendRobust " + Receipt.class.getName(),
                "localVariable sendAsync java.lang.Integer",
                "field send " + Receipt.class.getName(),
                "methodResult send java.lang.String",
                "concatenation send java.lang.String",
                "parameter send java.lang.CharSequence",
                "cast send " + Receipt.class.getName(),
                "typeVariable send java.lang.Object",
                "array send null",
                "branches send null",
                "nothingSent hasReceivers null"),
                sites.stream().map(site -> site.methodName() + " " + site.emitterMethod().javaName() + " "
                        + site.payloadType()).toList());
        assertEquals("shop", sites.get(0).module());
        assertEquals(EmitterMethod.SEND_ROBUST, sites.get(0).emitterMethod());
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @EventModule("shop")
    interface ShopEvents extends EventEmitter {
        String ORDER_PLACED = SHOP;
    }

    static final class Receipt {
    }

    @SuppressWarnings("unused")
    static class Calls {

        ShopEvents shop;
        Receipt lastReceipt;

        void newObject() {
            shop.sendRobust(SHOP, new Receipt());
        }

        void localVariable() {
            int quantity = 3;
            shop.sendAsync(SHOP, quantity);
        }

        void field() {
            shop.send(SHOP, lastReceipt);
        }

        void methodResult() {
            shop.send(SHOP, String.valueOf(4));
        }

        void concatenation(int n) {
            shop.send(SHOP, "order " + n);
        }

        void parameter(CharSequence text) {
            shop.send(SHOP, text);
        }

        void cast(Object value) {
            shop.send(SHOP, (Receipt) value);
        }

        <T> void typeVariable(T value) {
            shop.send(SHOP, value);
        }

        void array(Receipt[] receipts) {
            shop.send(SHOP, receipts[0]);
        }

        void branches(boolean flag) {
            shop.send(SHOP, flag ? "text" : Integer.valueOf(1));
        }

        void nothingSent() {
            shop.hasReceivers(SHOP);
        }
    }
}
