package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.jboss.jandex.DotName;
import org.junit.jupiter.api.Test;

class ReceivingModulesTest {

    private final ReceivingModules modules = new ReceivingModules(
            new DeclaredEventsBuildItem(List.of(
                    new EventModuleBuildItem("user", DotName.createSimple("com.acme.user.UserEvents"), true, List.of()),
                    new EventModuleBuildItem("mail", DotName.createSimple("com.acme.user.mail.MailEvents"), false,
                            List.of()))),
            List.of(new ModulePackageBuildItem("com.acme.audit", "journal")));

    @Test
    void aClassBelongsToTheModuleOfItsNearestPackage() {
        assertEquals("user", modules.moduleOf("com.acme.user.UserResource"));
        assertEquals("user", modules.moduleOf("com.acme.user.internal.UserDirectory"));
        assertEquals("mail", modules.moduleOf("com.acme.user.mail.WelcomeMail"));
        assertEquals("mail", modules.moduleOf("com.acme.user.mail.templates.Footer"));
    }

    @Test
    void aPackageAnnotatedEventModuleNamesTheModuleOfItsClasses() {
        assertEquals("journal", modules.moduleOf("com.acme.audit.AuditLog"));
        assertEquals("journal", modules.moduleOf("com.acme.audit.store.Entries"));
    }

    @Test
    void elsewhereTheLastPackageSegmentNamesTheModule() {
        assertEquals("billing", modules.moduleOf("com.acme.billing.Invoices"));
        assertEquals("users", modules.moduleOf("com.acme.users.Directory"));
        assertEquals("", modules.moduleOf("TopLevel"));
    }

    @Test
    void forTheBoundariesAClassOutsideEveryModuleIsShared() {
        assertEquals("user", modules.memberOf("com.acme.user.internal"));
        assertEquals("journal", modules.memberOf("com.acme.audit"));
        assertNull(modules.memberOf("com.acme.billing"));
        assertNull(modules.memberOf(""));
    }

    @Test
    void aPackageThatHoldsTheInterfacesOfTwoModulesIsShared() {
        ReceivingModules twoInOnePackage = new ReceivingModules(new DeclaredEventsBuildItem(List.of(
                new EventModuleBuildItem("user", DotName.createSimple("com.acme.UserEvents"), false, List.of()),
                new EventModuleBuildItem("mail", DotName.createSimple("com.acme.MailEvents"), false, List.of()),
                new EventModuleBuildItem("billing", DotName.createSimple("com.acme.billing.BillingEvents"), false,
                        List.of()))),
                List.of());

        assertNull(twoInOnePackage.memberOf("com.acme"));
        assertNull(twoInOnePackage.memberOf("com.acme.util"));
        assertEquals("billing", twoInOnePackage.memberOf("com.acme.billing"));
    }
}
