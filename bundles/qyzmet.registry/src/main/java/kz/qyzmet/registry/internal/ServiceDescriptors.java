package kz.qyzmet.registry.internal;

import java.util.function.Function;
import java.util.regex.Pattern;

import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.registry.api.ServiceDescriptor;
import kz.qyzmet.common.api.LocalizedText;

/** Reads the {@code @ElectronicService} properties of a service registration, refusing incomplete ones. */
final class ServiceDescriptors {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final String P = "qyzmet.service.";

    private ServiceDescriptors() {
    }

    static ServiceDescriptor from(Function<String, Object> properties) {
        String id = text(properties, "id");
        if (!ID.matcher(id).matches() || id.length() > 100) {
            throw new IllegalArgumentException("service id must be lower-case words joined by '-': " + id);
        }
        LocalizedText title = LocalizedText.of(text(properties, "title.kk"), text(properties, "title.ru"),
                text(properties, "title.en"));
        LocalizedText description = LocalizedText.of(text(properties, "description.kk"),
                text(properties, "description.ru"), text(properties, "description.en"));
        Category category = Category.valueOf(text(properties, "category"));
        Assurance assurance = Assurance.valueOf(text(properties, "assurance"));
        Object processingValue = properties.apply(P + "processing");
        Processing processing = processingValue == null ? Processing.INSTANT : Processing.valueOf(processingValue.toString());
        Object daysValue = properties.apply(P + "processing.days");
        int days = daysValue == null ? 0 : Integer.parseInt(daysValue.toString());
        if (processing == Processing.STAFF && days <= 0) {
            throw new IllegalArgumentException("service " + id + " is processed by staff but gives no processing.days");
        }
        return new ServiceDescriptor(id, category, title, description, assurance, processing, days);
    }

    private static String text(Function<String, Object> properties, String name) {
        Object value = properties.apply(P + name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("missing service property " + P + name);
        }
        return value.toString();
    }
}
