package kz.qyzmet.web.api;

import java.util.Map;

import kz.qyzmet.common.api.Language;

/**
 * The request a {@link CabinetPage} is shown for.
 *
 * @param language        the page's language (kk, ru or en)
 * @param clientId        the signed-in client
 * @param securitySession whether the client's security session is open (instructions need it, rules §35)
 * @param query           the address's query parameters (first value of each)
 */
public record PageRequest(Language language, String clientId, boolean securitySession, Map<String, String> query) {
    public PageRequest {
        query = Map.copyOf(query);
    }
}
