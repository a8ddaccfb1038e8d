package kz.qyzmet.auth.api;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;

/**
 * The refusals of a request whose session is not enough (§21, §36), one shape
 * wherever they are raised: the auth core, the instructions core, and the check
 * of a service's declared assurance.
 */
public final class SessionProblems {
    /** No security session where one is needed. */
    public static final ProblemType SECURITY_SESSION_REQUIRED = new ProblemType("auth/security-session-required",
            LocalizedText.of("Қауіпсіздік сессиясы қажет", "Требуется сессия безопасности", "Security session required"));

    private SessionProblems() {
    }

    /** 401: nobody is logged in. */
    public static ProblemException loginRequired() {
        return new ProblemException(401, CommonProblems.UNAUTHENTICATED, LocalizedText.of("Жеке кабинетке кіріңіз.",
                "Войдите в личный кабинет.", "Log in to the personal cabinet."));
    }

    /** 403: a staff identity has no personal account. */
    public static ProblemException clientsOnly() {
        return new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of("Бұл тек клиенттерге арналған.",
                "Это доступно только клиентам.", "This is for clients only."));
    }

    /** 403: the session must first become a security session (§21, §35). */
    public static ProblemException securitySessionRequired() {
        return new ProblemException(403, SECURITY_SESSION_REQUIRED, LocalizedText.of(
                "Операциялар үшін қауіпсіздік сессиясын ашыңыз: қосымшадағы бір реттік код немесе QR-код арқылы.",
                "Для операций откройте сессию безопасности: одноразовым кодом в приложении или по QR-коду.",
                "Open a security session for operations: with a one-time code in the app or by QR code."));
    }
}
