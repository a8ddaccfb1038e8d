package kz.qyzmet.clients.api;

import java.util.Optional;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;

/**
 * How every document names its holder (issue #13): the label "account holder"
 * and the line "name · IIN/BIN 123456789012" in the document's language, the
 * same in the extract, the operations report and every other statement.
 */
public final class DocumentHolder {
    public static final LocalizedText LABEL = LocalizedText.of("Шот иесі", "Владелец счёта", "Account holder");
    public static final LocalizedText TAX_ID = LocalizedText.of("ЖСН/БСН", "ИИН/БИН", "IIN/BIN");

    private DocumentHolder() {
    }

    /** The holder's line from their client record; {@code fallback} (e.g. the account's name) when there is none. */
    public static String line(Optional<Client> client, String fallback, Language language) {
        return client.map(Client::data).map(data -> data.name()
                + (data.taxId() == null || data.taxId().isBlank() ? "" : " · " + TAX_ID.in(language) + " " + data.taxId()))
                .orElse(fallback);
    }
}
