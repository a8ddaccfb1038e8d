package kz.qyzmet.auth.api;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * Sign-up to the demo version (rules §4: a demo version with a training mode to
 * learn the system): anyone creates a client identity with no contract. The
 * auth core registers this service only in dev and demo mode; production has
 * none, so no bundle can create identities this way there.
 *
 * @since 1.6
 */
@ProviderType
public interface DemoIdentities {

    /**
     * A newcomer's choice.
     *
     * @param login       3–64 characters, Latin letters, digits, dot, dash, underscore
     * @param phone       international format; the one-time codes of the demo go there (the outbox in demo mode)
     * @param email       optional
     * @param displayName how the cabinet greets them
     * @param language    the cabinet's and the notices' language
     * @param password    checked as every password is (§41)
     */
    record SignUp(String login, String phone, String email, String displayName, Language language, String password) {
    }

    /**
     * Creates the active client identity (joining the caller's transaction) and
     * journals it; refused with a problem naming the field otherwise (a taken
     * login or phone is a 409).
     *
     * @return the new client's id, {@code DEMO-} and eight letters or digits
     */
    String signUp(SignUp signUp, Caller caller);
}
