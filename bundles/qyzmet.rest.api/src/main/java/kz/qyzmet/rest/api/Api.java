package kz.qyzmet.rest.api;

/** Names shared by the platform's JAX-RS application and everything that joins it. */
public final class Api {
    /** {@code osgi.jaxrs.name} of the platform's one JAX-RS application. */
    public static final String APPLICATION_NAME = "qyzmet";
    /** Base path of that application. */
    public static final String BASE_PATH = "/api/v1";
    /** Target filter that resources and extensions use to join the application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
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
