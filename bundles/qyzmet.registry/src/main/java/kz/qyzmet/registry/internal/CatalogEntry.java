package kz.qyzmet.registry.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceDescriptor;
import kz.qyzmet.registry.api.ServiceState;

/**
 * One electronic service as the public catalog lists it (rules §17): what the
 * broker's website shows, in the three languages; {@code reason} only when an
 * operator gave one, {@code processingBusinessDays} only for staff-processed
 * services.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(String id, Category category, Texts title, Texts description, String version,
        ServiceState state, Texts reason, Assurance assurance, Processing processing, Integer processingBusinessDays) {

    /** The catalog: every service installed, in the registry's order. */
    public record Catalog(List<CatalogEntry> services) {
    }

    /** A text in kk, ru and en. */
    public record Texts(String kk, String ru, String en) {
        static Texts of(LocalizedText text) {
            return text == null ? null : new Texts(text.kk(), text.ru(), text.en());
        }
    }

    static CatalogEntry of(RegisteredService service) {
        ServiceDescriptor descriptor = service.descriptor();
        return new CatalogEntry(descriptor.id(), descriptor.category(), Texts.of(descriptor.title()),
                Texts.of(descriptor.description()), service.version(), service.status().state(),
                Texts.of(service.status().reason()), descriptor.assurance(), descriptor.processing(),
                descriptor.processingDays() > 0 ? descriptor.processingDays() : null);
    }
}
