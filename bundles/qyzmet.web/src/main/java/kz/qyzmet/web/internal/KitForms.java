package kz.qyzmet.web.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The request form of every service on the service kit, derived from its
 * request record (issue #14): a service declares its record once and gets a
 * working form in the cabinet without writing HTML. Components become inputs
 * in record order, labelled by {@link FormField} in the page's language, a
 * choice where {@link OneOf} lists the values, required and bounded as
 * {@link Required} and {@link MaxLength} say (the kit checks the same again on
 * the server). A service deployed later gets its form when its handler appears.
 */
@Component(service = KitForms.class)
public class KitForms {
    private final Map<String, Class<? extends Record>> requestTypes = new ConcurrentHashMap<>();

    /** An input of the form. */
    public record Field(String name, String label, String input, boolean required, Integer maxLength, List<Option> options,
            String upload, String accept) {
        public boolean choice() {
            return !options.isEmpty();
        }
    }

    /** A value a choice offers. */
    public record Option(String value, String label) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(ServiceHandler<?> handler, Map<String, Object> properties) {
        if (properties.get(ElectronicService.ID_PROPERTY) instanceof String id) {
            requestTypes.put(id, handler.requestType());
        }
    }

    void removeHandler(ServiceHandler<?> handler, Map<String, Object> properties) {
        if (properties.get(ElectronicService.ID_PROPERTY) instanceof String id) {
            requestTypes.remove(id, handler.requestType());
        }
    }

    /** The form of a service on the kit; empty for one that is not (or no longer) installed. */
    Optional<List<Field>> form(String serviceId, Language language) {
        Class<? extends Record> type = requestTypes.get(serviceId);
        return type == null ? Optional.empty() : Optional.of(fields(type, language));
    }

    static List<Field> fields(Class<? extends Record> type, Language language) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            FormField form = component.getAnnotation(FormField.class);
            if (form != null && form.input() == FormField.Input.COMPUTED) {
                // the service fills it in (a fee): shown with what is confirmed, not asked
                continue;
            }
            String label = form == null ? component.getName() : switch (language) {
            case KK -> form.kk();
            case RU -> form.ru();
            case EN -> form.en();
            };
            OneOf oneOf = component.getAnnotation(OneOf.class);
            List<Option> options = new ArrayList<>();
            if (oneOf != null) {
                for (int i = 0; i < oneOf.value().length; i++) {
                    options.add(new Option(oneOf.value()[i], i < oneOf.labels().length
                            ? label(oneOf.labels()[i], language, oneOf.value()[i]) : oneOf.value()[i]));
                }
            }
            MaxLength max = component.getAnnotation(MaxLength.class);
            fields.add(new Field(component.getName(), label, input(component, form), component.isAnnotationPresent(Required.class),
                    max == null ? null : max.value(), List.copyOf(options), upload(form), form == null ? "" : form.accept()));
        }
        return List.copyOf(fields);
    }

    private static String input(RecordComponent component, FormField form) {
        Class<?> type = component.getType();
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "number";
        }
        if (type == java.math.BigDecimal.class && (form == null || form.input() == FormField.Input.TEXT)) {
            return "decimal";
        }
        if (form == null) {
            return "text";
        }
        return switch (form.input()) {
        case DATE -> "date";
        case NUMBER -> "number";
        case AMOUNT -> "decimal";
        case COMPUTED -> "hidden";
        case MULTILINE -> "textarea";
        case FILES -> "files";
        case SECRET -> "password";
        case TEXT -> "text";
        };
    }

    /** Where a files input posts each file: the API path below {@code /api/v1}, absolute for the browser. */
    private static String upload(FormField form) {
        if (form == null || form.input() != FormField.Input.FILES || form.upload().isBlank()) {
            return "";
        }
        return "/api/v1/" + form.upload().replaceFirst("^/+", "").replaceFirst("^api/v1/", "");
    }

    /** {@code kk|ru|en} → the page language's part. */
    static String label(String labels, Language language, String fallback) {
        String[] parts = labels.split("\\|", -1);
        int index = language.ordinal();
        return parts.length == 3 && !parts[index].isBlank() ? parts[index] : fallback;
    }
}
