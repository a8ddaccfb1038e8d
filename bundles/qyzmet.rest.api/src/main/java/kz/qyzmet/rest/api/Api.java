package kz.qyzmet.rest.api;

/** Names shared by the platform's JAX-RS application and everything that joins it. */
public final class Api {
    /** {@code osgi.jaxrs.name} of the platform's one JAX-RS application. */
    public static final String APPLICATION_NAME = "qyzmet";
    /** Base path of that application. */
    public static final String BASE_PATH = "/api/v1";
    /** Target filter that resources and extensions use to join the application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /**
     * {@code osgi.jaxrs.name} of the web front ends' application (the personal cabinet, the operator
     * console and the public verification page), at the root path outside {@link #BASE_PATH}.
     *
     * @since 2.2
     */
    public static final String WEB_APPLICATION_NAME = "qyzmet.web";
    /**
     * Target filter of extensions that every request of the platform passes, the API's and the web
     * pages' alike (authentication, correlation, readiness): one session, one CSRF rule, one journal.
     *
     * @since 2.2
     */
    public static final String PLATFORM_APPLICATIONS_SELECT = "(|(osgi.jaxrs.name=" + APPLICATION_NAME + ")(osgi.jaxrs.name="
            + WEB_APPLICATION_NAME + "))";
    /** Media type of every error answer (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Header carrying the correlation id of a request; generated when the client sends none. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Path prefix (relative to {@link #BASE_PATH}) of operator endpoints; only operators pass. */
    public static final String OPERATOR_PATH = "operator";
    /** Path prefix (relative to {@link #BASE_PATH}) under which every electronic service serves: {@code services/<service-id>/...}. */
    public static final String SERVICES_PATH = "services";
    /** Role name carried by operators in the JAX-RS {@code SecurityContext}. */
    public static final String ROLE_OPERATOR = kz.qyzmet.common.api.Caller.ROLE_OPERATOR;
    /** Role name of administrators; they may do everything operators may. */
    public static final String ROLE_ADMIN = kz.qyzmet.common.api.Caller.ROLE_ADMIN;

    private Api() {
    }
}
