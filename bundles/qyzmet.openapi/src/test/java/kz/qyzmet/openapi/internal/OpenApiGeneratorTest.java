package kz.qyzmet.openapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;

class OpenApiGeneratorTest {
    record Order(String isin, long quantity) {
    }

    @Path("operator/orders")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static class OrdersResource {
        @GET
        @Path("{id}")
        public Order order(@PathParam("id") String id) {
            return null;
        }

        @POST
        public Response place(Order order) {
            return null;
        }
    }

    private final OpenAPI document = new OpenApiGenerator("1.2.3").generate(List.of(OrdersResource.class));

    @Test
    void typedAnswerIs200AndEveryOperationMayAnswerAProblem() {
        Operation get = document.getPaths().get("/operator/orders/{id}").getGet();
        assertNotNull(get.getResponses().get("200").getContent().get("application/json").getSchema());
        assertEquals("#/components/schemas/Problem",
                get.getResponses().getDefault().getContent().get("application/problem+json").getSchema().get$ref());
        assertEquals("id", get.getParameters().get(0).getName());
    }

    @Test
    void aBuiltResponseIsSomeSuccessAndTheBodyIsDescribedFromTheRecord() {
        Operation post = document.getPaths().get("/operator/orders").getPost();
        assertNull(post.getResponses().get("200"));
        assertNotNull(post.getResponses().get("2XX"));
        Schema<?> order = document.getComponents().getSchemas().get("Order");
        assertEquals(List.of("isin", "quantity"), List.copyOf(order.getProperties().keySet()));
        assertEquals("#/components/schemas/Order",
                post.getRequestBody().getContent().get("application/json").getSchema().get$ref());
    }

    @Test
    void documentNamesVersionBasePathAndTagsByArea() {
        assertEquals("1.2.3", document.getInfo().getVersion());
        assertEquals("/api/v1", document.getServers().get(0).getUrl());
        assertEquals(List.of("operator/orders"), document.getPaths().get("/operator/orders").getPost().getTags());
        assertEquals("auth", OpenApiGenerator.tagOf("/auth/login/code"));
        assertEquals("services/extract", OpenApiGenerator.tagOf("/services/extract/documents/{id}"));
        assertEquals("catalog", OpenApiGenerator.tagOf("/catalog"));
    }

    /** What a kit service's request record looks like. */
    public record DemoRequest(@kz.qyzmet.servicekit.api.Required String text,
            @kz.qyzmet.servicekit.api.MaxLength(10) String name) {
    }

    @Path("services/{service}/requests")
    @Produces(MediaType.APPLICATION_JSON)
    public static class KitResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response create(@PathParam("service") String service, java.io.InputStream body) {
            return null;
        }

        @GET
        @Path("{id}")
        public Order one(@PathParam("service") String service, @PathParam("id") String id) {
            return null;
        }
    }

    /** Issue #12: the kit's shared endpoints are documented per service, with its record; every operation id is unique. */
    @Test
    void theKitsEndpointsAreDocumentedPerServiceWithItsRecordAndEveryOperationHasItsOwnId() {
        OpenAPI kit = new OpenApiGenerator("1").generate(List.of(OrdersResource.class, KitResource.class),
                java.util.Map.of("demo-greeting", DemoRequest.class, "other", Order.class));
        assertNull(kit.getPaths().get("/services/{service}/requests"), "no generic path is left");
        Operation create = kit.getPaths().get("/services/demo-greeting/requests").getPost();
        assertEquals("#/components/schemas/DemoGreetingRequest",
                create.getRequestBody().getContent().get("application/json").getSchema().get$ref());
        assertEquals(List.of("services/demo-greeting"), create.getTags());
        assertNull(create.getParameters(), "the service is in the path, not a parameter");
        Schema<?> record = kit.getComponents().getSchemas().get("DemoGreetingRequest");
        assertEquals(List.of("text"), record.getRequired());
        assertEquals(10, ((Schema<?>) record.getProperties().get("name")).getMaxLength());
        assertEquals("postServicesDemoGreetingRequests", create.getOperationId());
        assertEquals("getServicesOtherRequestsById", kit.getPaths().get("/services/other/requests/{id}").getGet().getOperationId());
        assertEquals("getOperatorOrdersById", kit.getPaths().get("/operator/orders/{id}").getGet().getOperationId());
        java.util.Set<String> ids = new java.util.HashSet<>();
        kit.getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
                org.junit.jupiter.api.Assertions.assertTrue(ids.add(operation.getOperationId()), operation.getOperationId())));
    }
}
