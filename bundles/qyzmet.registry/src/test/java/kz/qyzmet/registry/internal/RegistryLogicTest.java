package kz.qyzmet.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.registry.api.ServiceDescriptor;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

class RegistryLogicTest {

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("qyzmet.service.id", "extract");
        properties.put("qyzmet.service.category", "INFORMATION");
        properties.put("qyzmet.service.title.kk", "Шот үзіндісі");
        properties.put("qyzmet.service.title.ru", "Выписка по счёту");
        properties.put("qyzmet.service.title.en", "Account extract");
        properties.put("qyzmet.service.description.kk", "PDF");
        properties.put("qyzmet.service.description.ru", "PDF");
        properties.put("qyzmet.service.description.en", "PDF");
        properties.put("qyzmet.service.assurance", "OPERATION_CONFIRMATION");
        return properties;
    }

    @Test
    void readsADescriptorFromServiceProperties() {
        ServiceDescriptor descriptor = ServiceDescriptors.from(properties()::get);
        assertEquals("extract", descriptor.id());
        assertEquals(Category.INFORMATION, descriptor.category());
        assertEquals("Выписка по счёту", descriptor.title().ru());
        assertEquals(Assurance.OPERATION_CONFIRMATION, descriptor.assurance());
        assertEquals(Processing.INSTANT, descriptor.processing());
    }

    @Test
    void refusesIncompleteOrInvalidDescriptors() {
        Map<String, Object> noEnglishTitle = properties();
        noEnglishTitle.remove("qyzmet.service.title.en");
        assertThrows(IllegalArgumentException.class, () -> ServiceDescriptors.from(noEnglishTitle::get));

        Map<String, Object> badId = properties();
        badId.put("qyzmet.service.id", "Bad Id");
        assertThrows(IllegalArgumentException.class, () -> ServiceDescriptors.from(badId::get));

        Map<String, Object> staffWithoutDeadline = properties();
        staffWithoutDeadline.put("qyzmet.service.processing", "STAFF");
        assertThrows(IllegalArgumentException.class, () -> ServiceDescriptors.from(staffWithoutDeadline::get));
    }

    @Test
    void findsTheServiceOfAPath() {
        assertEquals("extract", ServiceAccessGuard.serviceId("services/extract/requests"));
        assertEquals("extract", ServiceAccessGuard.serviceId("/services/extract"));
        assertNull(ServiceAccessGuard.serviceId("catalog"));
        assertNull(ServiceAccessGuard.serviceId("services/"));
        assertNull(ServiceAccessGuard.serviceId("operator/services/extract/state"));
    }

    /** Rules §29: the client is told the reason, so an operator must give it in every language. */
    @Test
    void disablingNeedsAReasonInEveryLanguage() {
        ProblemException missing = assertThrows(ProblemException.class,
                () -> ServiceRegistryImpl.requireReason(LocalizedText.of("себеп", " ", "")));
        assertEquals(400, missing.status());
        assertEquals(List.of("reason.ru", "reason.en"), missing.extensions().get("fields"));
        assertThrows(ProblemException.class, () -> ServiceRegistryImpl.requireReason(null));
        assertEquals("Техникалық жұмыстар",
                ServiceRegistryImpl.requireReason(LocalizedText.of(" Техникалық жұмыстар ", "Работы", "Works")).kk());
    }

    private static kz.qyzmet.auth.api.Session session(kz.qyzmet.auth.api.Role role, String clientId,
            kz.qyzmet.auth.api.SessionStage stage) {
        return new kz.qyzmet.auth.api.Session("s", "i", "login", role, clientId, kz.qyzmet.common.api.Language.EN,
                kz.qyzmet.auth.api.SessionKind.APP, stage, null, false, java.time.Instant.EPOCH);
    }

    private static int refusal(Assurance assurance, kz.qyzmet.auth.api.Session session, String method) {
        try {
            ServiceAccessGuard.require(assurance, session, method);
            return 0;
        } catch (ProblemException refused) {
            return refused.status();
        }
    }

    /** §21, §25: the declared assurance holds for every method of every path of a service (issue #12). */
    @Test
    void theDeclaredAssuranceIsRequiredOfEveryCall() {
        var client = session(kz.qyzmet.auth.api.Role.CLIENT, "C-1", kz.qyzmet.auth.api.SessionStage.LOGIN);
        var secure = session(kz.qyzmet.auth.api.Role.CLIENT, "C-1", kz.qyzmet.auth.api.SessionStage.SECURITY);
        var staff = session(kz.qyzmet.auth.api.Role.OPERATOR, null, kz.qyzmet.auth.api.SessionStage.SECURITY);
        assertEquals(0, refusal(Assurance.PUBLIC, null, "POST"));
        assertEquals(401, refusal(Assurance.LOGIN, null, "GET"));
        assertEquals(403, refusal(Assurance.LOGIN, staff, "GET"), "staff have no personal account");
        assertEquals(0, refusal(Assurance.LOGIN, client, "POST"));
        assertEquals(403, refusal(Assurance.SECURITY_SESSION, client, "GET"));
        assertEquals(0, refusal(Assurance.SECURITY_SESSION, secure, "GET"));
        assertEquals(0, refusal(Assurance.OPERATION_CONFIRMATION, client, "GET"), "reading one's requests needs a login");
        assertEquals(403, refusal(Assurance.OPERATION_CONFIRMATION, client, "POST"), "writing needs a security session");
        assertEquals(403, refusal(Assurance.OPERATION_CONFIRMATION, client, "DELETE"));
        assertEquals(0, refusal(Assurance.OPERATION_CONFIRMATION, secure, "POST"));
        assertEquals(401, refusal(Assurance.OPERATION_CONFIRMATION, null, "GET"));
    }
}
