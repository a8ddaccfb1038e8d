package kz.qyzmet.web.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.rest.api.Api;

/**
 * The web front ends' JAX-RS application at the root: {@code /cabinet} for
 * clients, {@code /console} for staff, {@code /verify} for anyone holding a
 * document. The API keeps {@code /api/v1} (a longer prefix, so its own
 * servlet). The platform's request filter joins both applications, so a page
 * knows the same session, refuses the same way while the platform starts, and
 * is journalled the same way as the API.
 */
@Component(service = Application.class)
@JaxrsName(Api.WEB_APPLICATION_NAME)
@JaxrsApplicationBase("/")
public class WebApplication extends Application {
}
