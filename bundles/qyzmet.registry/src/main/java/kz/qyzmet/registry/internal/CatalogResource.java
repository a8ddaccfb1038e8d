package kz.qyzmet.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceDescriptor;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.rest.api.Answer;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.LocalizedText;

/**
 * {@code GET /api/v1/catalog}: the public feed the broker's website lists its
 * electronic services from (rules §17). Conditional requests with the
 * {@code ETag} answer 304 while nothing changed.
 */
@Component(service = CatalogResource.class)
@ApiResource
@Path("catalog")
public class CatalogResource {
    private final ServiceRegistry registry;

    @Activate
    public CatalogResource(@Reference ServiceRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Answer(status = 200, body = CatalogEntry.Catalog.class)
    @Answer(status = 304, description = "nothing changed since the ETag of If-None-Match")
    public Response catalog(@Context Request request) {
        CatalogEntry.Catalog catalog = new CatalogEntry.Catalog(registry.services().stream().map(CatalogEntry::of).toList());
        EntityTag tag = new EntityTag(digest(catalog.toString()));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).tag(tag).build();
        }
        return Response.ok(catalog).tag(tag).cacheControl(revalidate).build();
    }

    static Map<String, Object> entry(RegisteredService service) {
        ServiceDescriptor descriptor = service.descriptor();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", descriptor.id());
        entry.put("category", descriptor.category());
        entry.put("title", texts(descriptor.title()));
        entry.put("description", texts(descriptor.description()));
        entry.put("version", service.version());
        entry.put("state", service.status().state());
        if (service.status().reason() != null) {
            entry.put("reason", texts(service.status().reason()));
        }
        entry.put("assurance", descriptor.assurance());
        entry.put("processing", descriptor.processing());
        if (descriptor.processingDays() > 0) {
            entry.put("processingBusinessDays", descriptor.processingDays());
        }
        return entry;
    }

    static Map<String, String> texts(LocalizedText text) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("kk", text.kk());
        texts.put("ru", text.ru());
        texts.put("en", text.en());
        return texts;
    }

    static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
