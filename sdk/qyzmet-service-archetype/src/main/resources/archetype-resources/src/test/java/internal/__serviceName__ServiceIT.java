package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.servicetest.QyzmetPlatform;
import kz.qyzmet.servicetest.TestClient;
import kz.qyzmet.servicetest.TestPlatform;

/**
 * The service on a real platform: mvn verify -Dqyzmet.platform.jar=/path/to/qyzmet.jar
 * starts it (embedded MariaDB, dev mode), deploys target/*.jar, and asks as a client.
 */
@QyzmetPlatform
class ${serviceName}ServiceIT {

    @Test
    void aClientRequestsConfirmsWithTheCodeAndTheServiceCarriesItOut(TestPlatform platform) throws Exception {
        assertNotNull(platform.catalogEntry("${serviceId}"), "the catalog lists the service");
        TestClient client = platform.client();
        JsonNode submission = client.request("${serviceId}", "{\"text\":\"for the bank\"}");
        assertEquals("AWAITING_CONFIRMATION", submission.get("instruction").get("status").asText());
        assertEquals("EXECUTED", client.confirm(submission).get("status").asText());
        assertEquals(400, client.ask("${serviceId}", "{}").statusCode(), "text is required");
    }
}
