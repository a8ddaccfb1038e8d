package kz.qyzmet.auth.internal;

import java.util.Optional;

import kz.qyzmet.auth.api.ClientContacts;
import kz.qyzmet.common.api.Language;

/** The client's login phone, e-mail and language, read from their identity. */
final class IdentityContacts implements ClientContacts {
    private final AuthStore store;

    IdentityContacts(AuthStore store) {
        this.store = store;
    }

    @Override
    public Optional<Contact> of(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.read(mapper -> mapper.identityByClient(clientId))).map(identity -> new Contact(identity.id,
                identity.phone, identity.email, Optional.ofNullable(Language.fromTag(identity.language)).orElse(Language.RU)));
    }
}
