package kz.qyzmet.registry.api;

import kz.qyzmet.common.api.LocalizedText;

/** What a service says about itself through {@link ElectronicService}. */
public record ServiceDescriptor(String id, Category category, LocalizedText title, LocalizedText description,
        Assurance assurance, Processing processing, int processingDays) {
}
