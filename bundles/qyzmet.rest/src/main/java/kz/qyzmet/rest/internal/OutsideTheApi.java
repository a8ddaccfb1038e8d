package kz.qyzmet.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.rest.api.Api;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Problem;

/**
 * Every path outside {@code /api/v1} (the JAX-RS whiteboard's default
 * application at {@code /}) answers a 404 problem, not the HTML of the
 * container, and says where the API is.
 */
@Component(service = OutsideTheApi.class)
@JaxrsResource
@JaxrsName("qyzmet.outside-the-api")
@Path("/")
public class OutsideTheApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Context
    HttpHeaders headers;

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @HttpMethod("PATCH")
    @interface PATCH {
    }

    @GET
    @Path("{path: .*}")
    public Response get() {
        return notFound();
    }

    @POST
    @Path("{path: .*}")
    public Response post() {
        return notFound();
    }

    @PUT
    @Path("{path: .*}")
    public Response put() {
        return notFound();
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete() {
        return notFound();
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch() {
        return notFound();
    }

    @HEAD
    @Path("{path: .*}")
    public Response head() {
        return notFound();
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options() {
        return notFound();
    }

    @Context
    javax.ws.rs.core.UriInfo uri;

    private Response serialized(kz.qyzmet.common.api.ProblemException problem, Language language) {
        Map<String, Object> body = Problem.body(problem.type(), problem.status(), problem.detail(), problem.extensions(),
                language, null);
        try {
            Response.ResponseBuilder response = Response.status(problem.status()).type(Api.PROBLEM_JSON + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).entity(JSON.writeValueAsString(body));
            problem.headers().forEach(response::header);
            ResponseHeaders.SECURITY.forEach(response::header);
            return response.header(HttpHeaders.CACHE_CONTROL, ResponseHeaders.NO_STORE).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response notFound() {
        Language language = ProblemResponses.language(headers);
        if (uri != null && ("/" + uri.getPath()).replace("//", "/").startsWith(Api.BASE_PATH + "/")) {
            // the API application is not (or no longer) registered: the platform is starting or stopping
            return serialized(CallerFilter.starting(), language);
        }
        return serialized(new kz.qyzmet.common.api.ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                "Мұндай мекенжай жоқ. Қызметтер API-і: /api/v1 (сипаттамасы /api/v1/openapi.json).",
                "Такого адреса нет. API сервисов: /api/v1 (описание — /api/v1/openapi.json).",
                "No such address. The services' API is at /api/v1 (described by /api/v1/openapi.json)."),
                Map.of("api", Api.BASE_PATH), Map.of()), language);
    }
}
