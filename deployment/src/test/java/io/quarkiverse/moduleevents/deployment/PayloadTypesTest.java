package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;
import org.jboss.jandex.TypeVariable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PayloadTypesTest {

    interface Named {
    }

    interface Priced {
    }

    interface Discounted extends Priced {
    }

    static class Shape {
    }

    static class Circle extends Shape implements Discounted {
    }

    static class Invoice {
    }

    static final class Receipt {
    }

    static final class Coupon implements Discounted {
    }

    record Money(long amount) {
    }

    /** Not indexed. */
    static class Unindexed {
    }

    private static PayloadTypes payloadTypes;

    @BeforeAll
    static void index() throws IOException {
        Indexer indexer = new Indexer();
        for (Class<?> type : List.of(Named.class, Priced.class, Discounted.class, Shape.class, Circle.class,
                Invoice.class, Receipt.class, Coupon.class, Money.class, Object.class, Record.class, String.class,
                CharSequence.class, Comparable.class, Number.class, Long.class, Integer.class)) {
            indexer.indexClass(type);
        }
        payloadTypes = new PayloadTypes(indexer.complete());
    }

    @Test
    void theSameTypeReceives() {
        assertTrue(canReceive(Circle.class, Circle.class));
        assertTrue(canReceive(Receipt.class, Receipt.class));
        assertTrue(canReceive(Named.class, Named.class));
    }

    @Test
    void aSupertypeReceivesItsSubtypes() {
        assertTrue(canReceive(Shape.class, Circle.class));
        assertTrue(canReceive(Object.class, Receipt.class));
        assertTrue(canReceive(Comparable.class, String.class));
    }

    @Test
    void aSupertypeIsFoundThroughTheInterfacesOfInterfaces() {
        assertTrue(canReceive(Priced.class, Circle.class));
        assertTrue(canReceive(Priced.class, Coupon.class));
    }

    @Test
    void aSubtypeReceivesThoseInstancesOfItsSupertypeThatAreOfIt() {
        assertTrue(canReceive(Circle.class, Shape.class));
        assertTrue(canReceive(Coupon.class, Priced.class));
        assertTrue(canReceive(String.class, Object.class));
    }

    @Test
    void unrelatedClassesNeverShareAnInstance() {
        assertFalse(canReceive(Circle.class, Invoice.class));
        assertFalse(canReceive(Invoice.class, Circle.class));
        assertFalse(canReceive(Long.class, String.class));
    }

    @Test
    void twoInterfacesCanBeImplementedByOneClass() {
        assertTrue(canReceive(Named.class, Priced.class));
        assertTrue(canReceive(Priced.class, Named.class));
    }

    @Test
    void aSubclassOfANonFinalClassMayImplementAnInterface() {
        assertTrue(canReceive(Named.class, Invoice.class));
        assertTrue(canReceive(Invoice.class, Named.class));
        assertTrue(canReceive(Named.class, Circle.class));
    }

    @Test
    void aFinalClassOrRecordThatDoesNotImplementAnInterfaceNeverReceivesIt() {
        assertFalse(canReceive(Named.class, Receipt.class));
        assertFalse(canReceive(Receipt.class, Named.class));
        assertFalse(canReceive(Named.class, Coupon.class));
        assertFalse(canReceive(Named.class, Money.class));
        assertFalse(canReceive(Money.class, Named.class));
        assertFalse(canReceive(CharSequence.class, Long.class));
    }

    @Test
    void anyObservedTypeReceivesAPayloadOfAnyObject() {
        assertTrue(payloadTypes.canReceive(ClassType.create(Receipt.class), null));
        assertTrue(payloadTypes.canReceive(PrimitiveType.INT, null));
    }

    @Test
    void aPrimitiveObservedTypeStandsForItsBox() {
        assertTrue(payloadTypes.canReceive(PrimitiveType.LONG, DotName.createSimple(Long.class)));
        assertTrue(payloadTypes.canReceive(PrimitiveType.LONG, DotName.createSimple(Number.class)));
        assertFalse(payloadTypes.canReceive(PrimitiveType.INT, DotName.createSimple(Long.class)));
        assertFalse(payloadTypes.canReceive(PrimitiveType.LONG, DotName.createSimple(String.class)));
    }

    @Test
    void aParameterizedObservedTypeIsJudgedByItsRawType() {
        Type comparableOfString = ParameterizedType.create(Comparable.class, ClassType.create(String.class));
        assertTrue(payloadTypes.canReceive(comparableOfString, DotName.createSimple(String.class)));
        assertFalse(payloadTypes.canReceive(comparableOfString, DotName.createSimple(Receipt.class)));
    }

    @Test
    void anObservedTypeVariableReceivesAnything() {
        assertTrue(payloadTypes.canReceive(TypeVariable.create("T"), DotName.createSimple(Receipt.class)));
    }

    @Test
    void aTypeTheIndexDoesNotKnowMayReceive() {
        assertTrue(canReceive(Unindexed.class, Receipt.class));
        assertTrue(canReceive(Named.class, Unindexed.class));
        assertTrue(canReceive(Receipt.class, Unindexed.class));
    }

    private static boolean canReceive(Class<?> observed, Class<?> payload) {
        return payloadTypes.canReceive(ClassType.create(observed), DotName.createSimple(payload));
    }
}
