package kz.qyzmet.web.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard;

/** Makes a DS component a JAX-RS extension (filter, mapper, interceptor) of the web application only. */
@ComponentPropertyType
@RequireJaxrsWhiteboard
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface WebExtension {
    String PREFIX_ = "osgi.jaxrs.";

    /** {@code osgi.jaxrs.extension=true}. */
    boolean extension() default true;

    /** {@code osgi.jaxrs.application.select}: the web application. */
    String application_select() default WebResource.SELECT;
}
