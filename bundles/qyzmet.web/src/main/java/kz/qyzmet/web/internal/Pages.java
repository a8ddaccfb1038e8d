package kz.qyzmet.web.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * Renders the pages: FreeMarker {@code .ftlh} templates, which escape every
 * value as HTML unless a template says otherwise (none does), laid out by
 * {@code layout.ftlh}. A page is rendered into memory before anything is sent,
 * so a template error becomes the platform's error page, never half a page.
 */
@Component(service = Pages.class)
public class Pages {
    static final String HTML = "text/html;charset=UTF-8";

    private final Configuration freemarker;
    private final Messages messages = new Messages();

    public Pages() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new freemarker.cache.MultiTemplateLoader(new freemarker.cache.TemplateLoader[] {
                new ClassTemplateLoader(Pages.class.getClassLoader(), "templates"), new DelegatingLoader() }));
        // locale-specific template names (page_kk.ftlh) are not used: a language is a model value
        freemarker.setLocalizedLookup(false);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8"); // pages are UTF-8; ?url escapes in it
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        // numbers and dates are formatted by the page model (Formats), never by FreeMarker's locale
        freemarker.setNumberFormat("computer");
    }

    /** A page with status 200. */
    Response page(String template, PageContext context, Map<String, ?> model) {
        return page(200, template, context, model);
    }

    Response page(int status, String template, PageContext context, Map<String, ?> model) {
        return Response.status(status).type(HTML).entity(render(template, context, model)).build();
    }

    String render(String template, PageContext context, Map<String, ?> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("t", messages.of(context.language()));
        data.put("page", context);
        data.put("assets", "/static/" + StaticFiles.VERSION);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            freemarker.getTemplate(template + ".ftlh").process(data, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("page " + template + " could not be rendered", e);
        }
        return out.toString();
    }

    Messages messages() {
        return messages;
    }

    private final java.util.List<freemarker.cache.TemplateLoader> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds where templates of other bundles are found (the service pages). */
    void addTemplateSource(freemarker.cache.TemplateLoader source) {
        sources.add(source);
        forgetTemplates();
    }

    /** Drops the parsed templates: a bundle's page came or went. */
    void forgetTemplates() {
        freemarker.clearTemplateCache();
    }

    /** Asks the added sources in turn. */
    private final class DelegatingLoader implements freemarker.cache.TemplateLoader {
        @Override
        public Object findTemplateSource(String name) throws IOException {
            for (freemarker.cache.TemplateLoader source : sources) {
                Object found = source.findTemplateSource(name);
                if (found != null) {
                    return new Found(source, found);
                }
            }
            return null;
        }

        @Override
        public long getLastModified(Object found) {
            return ((Found) found).loader.getLastModified(((Found) found).source);
        }

        @Override
        public java.io.Reader getReader(Object found, String encoding) throws IOException {
            return ((Found) found).loader.getReader(((Found) found).source, encoding);
        }

        @Override
        public void closeTemplateSource(Object found) throws IOException {
            ((Found) found).loader.closeTemplateSource(((Found) found).source);
        }
    }

    private record Found(freemarker.cache.TemplateLoader loader, Object source) {
    }
}
