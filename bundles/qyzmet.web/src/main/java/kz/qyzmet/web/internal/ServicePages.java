package kz.qyzmet.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
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
import kz.qyzmet.web.api.ConsolePage;

/**
 * The pages bundles bring: a service's cabinet page ({@link CabinetPage}) by
 * service id, console pages ({@link ConsolePage}) by their address. Their
 * templates are read from the bundle that registered the page, under the
 * template name {@code service/<id>/<path>} or {@code console-page/<address>/<path>};
 * when the page goes (its bundle stopped, upgraded or removed) its templates
 * leave the template cache with it.
 */
@Component(service = ServicePages.class)
public class ServicePages {
    static final String PREFIX = "service/";
    static final String CONSOLE_PREFIX = "console-page/";
    private final Pages pages;
    private final Map<String, CabinetPage> byService = new ConcurrentHashMap<>();
    private final Map<String, ConsolePage> console = new ConcurrentHashMap<>();

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConsolePage(ConsolePage page, Map<String, Object> properties) {
        if (properties.get(ConsolePage.PATH_PROPERTY) instanceof String path && path.matches("[a-z0-9-]+")) {
            console.put(path, page);
            pages.forgetTemplates();
        }
    }

    void removeConsolePage(ConsolePage page, Map<String, Object> properties) {
        if (properties.get(ConsolePage.PATH_PROPERTY) instanceof String path) {
            console.remove(path, page);
            pages.forgetTemplates();
        }
    }

    Optional<ConsolePage> consolePage(String path) {
        return Optional.ofNullable(console.get(path));
    }

    /** The console pages bundles brought, by address, in the order of their addresses. */
    List<Map.Entry<String, ConsolePage>> consolePages() {
        return console.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).toList();
    }

    static String consoleTemplateName(String path, ConsolePage page) {
        return CONSOLE_PREFIX + path + "/" + page.template();
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
            boolean cabinet = name.startsWith(PREFIX);
            if (!cabinet && !name.startsWith(CONSOLE_PREFIX)) {
                return null;
            }
            String rest = name.substring(cabinet ? PREFIX.length() : CONSOLE_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return null;
            }
            Object page = cabinet ? byService.get(rest.substring(0, slash)) : console.get(rest.substring(0, slash));
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
