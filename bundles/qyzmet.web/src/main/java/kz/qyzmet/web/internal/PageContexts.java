package kz.qyzmet.web.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.UriInfo;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import kz.qyzmet.auth.api.Session;

/** Builds the {@link PageContext} of a request. */
final class PageContexts {
    private static final boolean DEV_MODE = devMode();

    private PageContexts() {
    }

    static PageContext of(String area, HttpServletRequest request, HttpHeaders headers, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        String path = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        return new PageContext(PageLanguage.of(headers), area, path, Session.from(request::getAttribute), java.util.List.of(),
                DEV_MODE);
    }

    static boolean isDevMode() {
        return DEV_MODE;
    }

    /** {@code qyzmet.mode=dev} or {@code demo}, as the dev outbox reads it. */
    private static boolean devMode() {
        org.osgi.framework.Bundle bundle = FrameworkUtil.getBundle(PageContexts.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        String mode = context == null ? System.getProperty("qyzmet.mode") : context.getProperty("qyzmet.mode");
        return "dev".equals(mode) || "demo".equals(mode);
    }
}
