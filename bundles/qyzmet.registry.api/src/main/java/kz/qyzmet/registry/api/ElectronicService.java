package kz.qyzmet.registry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a component as (a part of) an electronic service. Nothing else is
 * needed for the catalog to list it: the registry tracks every service with
 * these properties, together with its bundle and version.
 * <pre>{@code
 * @Component(service = OfficesResource.class)
 * @ApiResource
 * @ElectronicService(id = "demo-offices", category = Category.ADDITIONAL, ...)
 * @Path("services/demo-offices")
 * }</pre>
 * Endpoints of a service live under {@code /api/v1/services/<id>/...}; the
 * platform answers 503 with the reason there while the service is not enabled.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ElectronicService {
    String PREFIX_ = "qyzmet.service.";

    /** Service property holding the id; the registry tracks services that have it. */
    String ID_PROPERTY = "qyzmet.service.id";

    /** Stable id, lower-case words joined by '-', e.g. {@code extract}. Never reused for another service. */
    String id();

    /** Category of rules §7. */
    Category category();

    String title_kk();

    String title_ru();

    String title_en();

    String description_kk();

    String description_ru();

    String description_en();

    /** What the client must have done before using the service (rules §21, §25). */
    Assurance assurance();

    /** How a request is processed. */
    Processing processing() default Processing.INSTANT;

    /** For {@link Processing#STAFF}: business days staff have (e.g. 3 for personal data, rules §7.2). */
    int processing_days() default 0;
}
