package kz.qyzmet.auth.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Language;

/**
 * Where a client is reached (issue 16: notices through the message channels):
 * the phone and e-mail the client logs in with and the language they chose.
 *
 * @since 1.5
 */
@ProviderType
public interface ClientContacts {

    /**
     * @param identityId the client's identity (push messages are addressed to it)
     * @param phone      E.164, or null
     * @param email      or null
     * @param language   the client's language
     */
    record Contact(String identityId, String phone, String email, Language language) {
    }

    /** The client's contact, when the client has an identity. */
    Optional<Contact> of(String clientId);
}
