package kz.qyzmet.web.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service's own page in the personal cabinet, registered as an OSGi service
 * with the service's id in {@value #SERVICE_PROPERTY}:
 * <pre>{@code
 * @Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=demo-offices")
 * public class OfficesPage implements CabinetPage {
 *     public String template() { return "pages/offices.ftlh"; }
 *     public Map<String, Object> model(PageRequest request) { return Map.of("offices", ...); }
 * }
 * }</pre>
 * The page is shown at {@code /cabinet/services/<id>} inside the cabinet's frame
 * (title, menu, languages) in place of the form the platform derives; it
 * appears when the bundle starts and goes with it. The template is a FreeMarker
 * {@code .ftlh} fragment in the bundle that every value is escaped in; it reads
 * the model, {@code t} (the cabinet's words) and {@code page} (language, session).
 * The page only shows: what a client changes goes through the API (a form with
 * {@code data-api="/api/v1/services/<id>/..."} posts there with the session).
 */
@ConsumerType
public interface CabinetPage {
    /** The service property naming the electronic service the page belongs to. */
    String SERVICE_PROPERTY = "qyzmet.service.id";

    /** The template's path inside the bundle, e.g. {@code pages/offices.ftlh}. */
    String template();

    /** The values the template shows, for this request; called for every view of the page. */
    Map<String, Object> model(PageRequest request);
}
