package kz.qyzmet.rest.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard;

/**
 * Component property type that makes a DS component a JAX-RS extension (filter,
 * exception mapper, message body reader/writer) of the {@code /api/v1} application.
 */
@ComponentPropertyType
@RequireJaxrsWhiteboard
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ApiExtension {
    String PREFIX_ = "osgi.jaxrs.";

    /** {@code osgi.jaxrs.extension=true}. */
    boolean extension() default true;

    /** {@code osgi.jaxrs.application.select}: the platform's application. */
    String application_select() default Api.APPLICATION_SELECT;
}
