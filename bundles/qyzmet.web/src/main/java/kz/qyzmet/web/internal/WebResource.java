package kz.qyzmet.web.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;
import org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard;

import kz.qyzmet.rest.api.Api;

/** Makes a DS component a resource or an extension of the web application ({@link WebApplication}). */
@ComponentPropertyType
@RequireJaxrsWhiteboard
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface WebResource {
    String PREFIX_ = "osgi.jaxrs.";

    String SELECT = "(osgi.jaxrs.name=" + Api.WEB_APPLICATION_NAME + ")";

    /** {@code osgi.jaxrs.resource=true}. */
    boolean resource() default true;

    /** {@code osgi.jaxrs.application.select}: the web application. */
    String application_select() default SELECT;
}
