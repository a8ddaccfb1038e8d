package kz.qyzmet.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.rest.api.Api;

/**
 * The platform's one JAX-RS application at {@code /api/v1}. Resources and
 * extensions of every bundle join it through the whiteboard with
 * {@link kz.qyzmet.rest.api.ApiResource} / {@link kz.qyzmet.rest.api.ApiExtension}.
 */
@Component(service = Application.class)
@JaxrsName(Api.APPLICATION_NAME)
@JaxrsApplicationBase(Api.BASE_PATH)
public class QyzmetApplication extends Application {
}
