package kz.qyzmet.web.api;

import java.util.Map;

import kz.qyzmet.common.api.Language;

/**
 * The request a {@link ConsolePage} is shown for.
 *
 * @param language the console's language (kk, ru or en)
 * @param identity the staff member looking
 * @param query    the address's query parameters (first value of each)
 * @since 1.1
 */
public record ConsoleRequest(Language language, String identity, Map<String, String> query) {
    public ConsoleRequest {
        query = Map.copyOf(query);
    }
}
