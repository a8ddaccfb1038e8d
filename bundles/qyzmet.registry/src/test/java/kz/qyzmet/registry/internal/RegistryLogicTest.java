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
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.ProblemException;

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
        assertEquals("extract", ServiceAvailabilityFilter.serviceId("services/extract/requests"));
        assertEquals("extract", ServiceAvailabilityFilter.serviceId("/services/extract"));
        assertNull(ServiceAvailabilityFilter.serviceId("catalog"));
        assertNull(ServiceAvailabilityFilter.serviceId("services/"));
        assertNull(ServiceAvailabilityFilter.serviceId("operator/services/extract/state"));
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
}
