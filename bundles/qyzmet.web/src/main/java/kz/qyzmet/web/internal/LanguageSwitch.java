package kz.qyzmet.web.internal;

import java.net.URI;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;

import org.osgi.service.component.annotations.Component;

import kz.qyzmet.common.api.Language;

/**
 * A language link ({@code ?lang=ru} on any page) remembers the choice and shows
 * the same page again without the parameter, so that the address stays the
 * page's own and a reload does not switch back.
 */
@Component(service = javax.ws.rs.container.ContainerRequestFilter.class)
@WebExtension
@PreMatching
@Priority(Priorities.USER)
public class LanguageSwitch implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String tag = request.getUriInfo().getQueryParameters().getFirst(PageLanguage.PARAMETER);
        if (tag == null || !"GET".equals(request.getMethod())) {
            return;
        }
        Language language = PageLanguage.known(tag);
        URI same = UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replaceQueryParam(PageLanguage.PARAMETER).build();
        // the path alone: a redirect never leaves the platform, whatever the Host header said
        String target = same.getRawPath() + (same.getRawQuery() == null ? "" : "?" + same.getRawQuery());
        Response.ResponseBuilder answer = Response.seeOther(URI.create(target));
        if (language != null) {
            answer.header("Set-Cookie", PageLanguage.remember(language));
        }
        request.abortWith(answer.build());
    }
}
