package kz.qyzmet.web.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;

/**
 * The headers of every page (issue #14): a Content-Security-Policy that allows
 * the platform's own scripts, styles and images only (no inline script, no
 * inline style, no framing, forms post nowhere else), {@code no-store} for
 * pages, which carry personal data, and a marker that tells the HTTP error
 * filter this HTML is the platform's own page, not the JAX-RS runtime's.
 */
@Component(service = ContainerResponseFilter.class)
@WebExtension
public class PageHeaders implements ContainerResponseFilter {
    static final String MARKER = "X-Qyzmet-Page";
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle(MARKER, "1");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.putSingle(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
    }
}
