package kz.qyzmet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import kz.qyzmet.client.api.AuthApi;
import kz.qyzmet.client.api.CatalogApi;
import kz.qyzmet.client.api.DevOutboxApi;
import kz.qyzmet.client.api.ServicesExtractApi;
import kz.qyzmet.client.model.Catalog;
import kz.qyzmet.client.model.Confirmation;
import kz.qyzmet.client.model.Created;
import kz.qyzmet.client.model.ExtractRequest;
import kz.qyzmet.client.model.LoginAnswer;
import kz.qyzmet.client.model.LoginRequest;
import kz.qyzmet.client.model.RequestView;
import kz.qyzmet.client.model.SecurityCodeRequest;
import kz.qyzmet.client.model.SecuritySessionRequest;

/**
 * The platform through a client generated from its own OpenAPI document, typed
 * from end to end: the catalog, a login of the app, a security session with the
 * code from the dev outbox, and an extract requested and confirmed.
 */
class PlatformClientTest {
    private final AtomicReference<String> token = new AtomicReference<>();
    private final ApiClient client = new ApiClient();

    PlatformClientTest() {
        client.updateBaseUri(System.getProperty("qyzmet.api"));
        client.setRequestInterceptor(request -> {
            if (token.get() != null) {
                request.header("Authorization", "Bearer " + token.get());
            }
            request.header("Accept-Language", "en");
        });
    }

    @Test
    void aClientGeneratedFromTheDocumentUsesThePlatform() throws Exception {
        Catalog catalog = new CatalogApi(client).getCatalog();
        assertFalse(catalog.getServices().isEmpty());
        assertTrue(catalog.getServices().stream().anyMatch(service -> "extract".equals(service.getId())));

        AuthApi auth = new AuthApi(client);
        LoginAnswer login = auth.postAuthLogin(new LoginRequest().identifier("aigerim").password("Steppe-Trial-2026").client("app"));
        assertEquals("security-session", login.getNext());
        token.set(login.getToken());
        assertEquals("DEMO-0001", auth.getAuthSession().getClientId());

        assertNotNull(auth.postAuthSecuritySessionCode(new SecurityCodeRequest().channel("sms")).getExpiresAt());
        LoginAnswer security = auth.postAuthSecuritySession(new SecuritySessionRequest().code(latestCode()).biometrics(true));
        token.set(security.getToken());

        ServicesExtractApi extract = new ServicesExtractApi(client);
        Created created = extract.postServicesExtractRequests(new ExtractRequest().language("en"));
        assertEquals("AWAITING_CONFIRMATION", created.getInstruction().getStatus());
        RequestView confirmed = extract.postServicesExtractRequestsByIdConfirm(created.getInstruction().getId(),
                new Confirmation().challengeId(created.getConfirmation().getChallengeId()).code(latestCode()));
        assertEquals("EXECUTED", confirmed.getStatus());
        assertTrue(extract.getServicesExtractRequests(10).getRequests().stream()
                .anyMatch(request -> request.getId().equals(confirmed.getId())));
        System.out.println("generated client: catalog, login, security session and a confirmed extract " + confirmed.getNumber());
    }

    private String latestCode() throws ApiException {
        return new DevOutboxApi(client).getDevOutbox(1).getMessages().get(0).getText().substring(0, 6);
    }
}
