package kz.qyzmet.common.api;

/**
 * Who sent a request and from where, as the audit journal records it.
 *
 * @param identity      the authenticated identity, or {@code anonymous}
 * @param role          the role the identity acted in
 * @param address       remote IP address
 * @param userAgent     {@code User-Agent} header, may be empty
 * @param correlationId the request's correlation id
 */
public record Caller(String identity, String role, String address, String userAgent, String correlationId) {
    public static final String ANONYMOUS = "anonymous";
    /** The role of the back office. */
    public static final String ROLE_OPERATOR = "operator";
    /** The role that administers staff. */
    public static final String ROLE_ADMIN = "admin";
    /**
     * A broker's manager, who prepares instructions at a client's request (§35.3).
     *
     * @since 1.1
     */
    public static final String ROLE_MANAGER = "manager";
    /** Request attribute (and JAX-RS request property) under which the platform keeps the caller. */
    public static final String ATTRIBUTE = "kz.qyzmet.common.api.Caller";

    /**
     * The caller of the current request, read from its attributes, e.g.
     * {@code Caller.from(httpServletRequest::getAttribute)}.
     *
     * @throws IllegalStateException when the platform's request filter did not run
     */
    public static Caller from(java.util.function.Function<String, Object> attributes) {
        Object caller = attributes.apply(ATTRIBUTE);
        if (caller instanceof Caller known) {
            return known;
        }
        throw new IllegalStateException("request did not pass the platform's caller filter");
    }

    /**
     * A manager: of the operator API only the preparing of a client's instruction (§35.3).
     *
     * @since 1.1
     */
    public boolean isManager() {
        return ROLE_MANAGER.equals(role);
    }

    /** Operators and administrators: the roles the operator API admits. */
    public boolean isOperator() {
        return ROLE_OPERATOR.equals(role) || ROLE_ADMIN.equals(role);
    }
}
