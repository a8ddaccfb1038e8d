package kz.qyzmet.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;

/**
 * The pages' own script, style sheet and pictures, from the bundle. Their
 * addresses carry the bundle's version ({@code /static/1.1.0/cabinet.js}), so a
 * browser may keep them for a year: a new version is a new address.
 */
@Component(service = StaticFiles.class)
@WebResource
@Path("static")
public class StaticFiles {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The version segment of the addresses the pages use. */
    static final String VERSION = version();

    @GET
    @Path("{version}/{name}")
    public Response file(@PathParam("version") String version, @PathParam("name") String name) {
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundException();
        }
        byte[] content = cache.computeIfAbsent(name, StaticFiles::load);
        if (content.length == 0) {
            throw new NotFoundException();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return Response.ok(content, TYPES.get(extension))
                .header("Cache-Control", VERSION.equals(version) ? "public, max-age=31536000, immutable" : "no-cache").build();
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(StaticFiles.class);
        if (bundle == null) {
            return "dev";
        }
        String version = bundle.getVersion().toString();
        // a snapshot is rebuilt under the same version: its installation time tells one build from the next
        return version.endsWith("SNAPSHOT") ? version + "-" + Long.toString(bundle.getLastModified(), 36) : version;
    }
}
