package kz.qyzmet.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import freemarker.cache.TemplateLoader;
import kz.qyzmet.web.api.CabinetPage;

/**
 * The pages service bundles bring ({@link CabinetPage}), by service id. Their
 * templates are read from the bundle that registered the page, under the
 * template name {@code service/<id>/<path>}; when the page goes (its bundle
 * stopped, upgraded or removed) its templates leave the template cache with it.
 */
@Component(service = ServicePages.class)
public class ServicePages {
    static final String PREFIX = "service/";
    private final Pages pages;
    private final Map<String, CabinetPage> byService = new ConcurrentHashMap<>();

    @Activate
    public ServicePages(@Reference Pages pages) {
        this.pages = pages;
        pages.addTemplateSource(new BundleTemplates());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPage(CabinetPage page, Map<String, Object> properties) {
        if (properties.get(CabinetPage.SERVICE_PROPERTY) instanceof String id && !id.isBlank()) {
            byService.put(id, page);
            pages.forgetTemplates();
        }
    }

    void removePage(CabinetPage page, Map<String, Object> properties) {
        if (properties.get(CabinetPage.SERVICE_PROPERTY) instanceof String id) {
            byService.remove(id, page);
            pages.forgetTemplates();
        }
    }

    Optional<CabinetPage> of(String serviceId) {
        return Optional.ofNullable(byService.get(serviceId));
    }

    /** The template name of a service's page. */
    static String templateName(String serviceId, CabinetPage page) {
        return PREFIX + serviceId + "/" + page.template();
    }

    /** Reads {@code service/<id>/<path>} from the class loader of the bundle whose page that service has. */
    private final class BundleTemplates implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) {
            if (!name.startsWith(PREFIX)) {
                return null;
            }
            String rest = name.substring(PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return null;
            }
            CabinetPage page = byService.get(rest.substring(0, slash));
            String path = rest.substring(slash + 1);
            // only the page's own template (and its locale variants FreeMarker asks for) from its bundle
            if (page == null || path.contains("..")) {
                return null;
            }
            return page.getClass().getClassLoader().getResource(path);
        }

        @Override
        public long getLastModified(Object source) {
            return -1;
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            InputStream in = ((URL) source).openStream();
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public void closeTemplateSource(Object source) {
            // each reader closes its stream
        }
    }
}
