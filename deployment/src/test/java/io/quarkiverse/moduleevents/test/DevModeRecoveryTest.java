package io.quarkiverse.moduleevents.test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.devmode.ShopEvents;
import io.quarkiverse.moduleevents.test.devmode.ShopRoutes;
import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * In dev mode, a broken event name shows the build error, and fixing the source recovers without a restart.
 */
class DevModeRecoveryTest {

    // not 8080: dev mode tests of other checkouts may run on this machine at the same time
    private static final int PORT = FreePorts.next();

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, ShopRoutes.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT), "application.properties"));

    @BeforeEach
    void useThePort() {
        RestAssured.port = PORT;
    }

    @AfterEach
    void resetThePort() {
        RestAssured.reset();
    }

    @Test
    void anInvalidNameShowsTheBuildErrorAndTheFixRecovers() {
        RestAssured.get("/names").then().statusCode(200).body(is("shop:order:placed"));

        test.modifySourceFile(ShopEvents.class, source -> source.replace("\"shop:order:placed\"", "\"Shop:Order\""));
        RestAssured.get("/names").then().statusCode(500)
                .body(containsString("Event name breaks the naming pattern"))
                .body(containsString("Shop:Order"))
                .body(containsString("ShopEvents#ORDER_PLACED"));

        test.modifySourceFile(ShopEvents.class,
                source -> source.replace("\"Shop:Order\"", "\"shop:order:placed\""));
        RestAssured.get("/names").then().statusCode(200).body(is("shop:order:placed"));
    }
}
