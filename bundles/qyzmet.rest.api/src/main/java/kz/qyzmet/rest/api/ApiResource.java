package kz.qyzmet.rest.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard;

/**
 * Component property type that makes a DS component a JAX-RS resource of the
 * platform's {@code /api/v1} application:
 * <pre>{@code @Component(service = CatalogResource.class) @ApiResource @Path("catalog")}</pre>
 */
@ComponentPropertyType
@RequireJaxrsWhiteboard
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ApiResource {
    String PREFIX_ = "osgi.jaxrs.";

    /** {@code osgi.jaxrs.resource=true}. */
    boolean resource() default true;

    /** {@code osgi.jaxrs.application.select}: the platform's application. */
    String application_select() default Api.APPLICATION_SELECT;
}
