package kz.qyzmet.web.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.common.api.LocalizedText;

/**
 * A page a bundle adds to the operator console, registered as an OSGi service
 * with its address in {@value #PATH_PROPERTY}:
 * <pre>{@code
 * @Component(service = ConsolePage.class, property = ConsolePage.PATH_PROPERTY + "=withdrawals")
 * public class WithdrawalsPage implements ConsolePage {
 *     public LocalizedText title() { return LocalizedText.of("Ақша шығару", "Выводы денег", "Withdrawals"); }
 *     public String template() { return "console/withdrawals.ftlh"; }
 *     public Map<String, Object> model(ConsoleRequest request) { return Map.of(...); }
 * }
 * }</pre>
 * It is shown at {@code /console/pages/<path>} inside the console's frame with
 * its title in the console's menu, only to staff; it appears when the bundle
 * starts and goes with it. The template is a FreeMarker {@code .ftlh} fragment in
 * the bundle, every value escaped; it reads the model, {@code t} (the console's
 * words) and {@code page}. Its lists may read the operator API in the browser
 * ({@code <table data-source="/api/v1/operator/..." data-items data-columns>}),
 * and what staff change goes through the API (a form with {@code data-api}).
 *
 * @since 1.1
 */
@ConsumerType
public interface ConsolePage {
    /** The service property with the page's address below {@code /console/pages/}: one segment, {@code [a-z0-9-]+}. */
    String PATH_PROPERTY = "qyzmet.console.page";

    /** The page's title, also its entry in the console's menu. */
    LocalizedText title();

    /** The template's path inside the bundle, e.g. {@code console/withdrawals.ftlh}. */
    String template();

    /** The values the template shows, for this request; called for every view of the page. */
    Map<String, Object> model(ConsoleRequest request);
}
