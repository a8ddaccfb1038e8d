package kz.qyzmet.web.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.UriInfo;

/**
 * What every page resource gets from the JAX-RS runtime (the request, its
 * headers and address, injected per request) and the {@link PageContext} it
 * builds from them.
 */
abstract class PageResource {
    @Context
    HttpServletRequest request;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    /** The context of this request's page in {@code area} (cabinet, console or public). */
    PageContext context(String area) {
        return PageContexts.of(area, request, headers, uri);
    }
}
