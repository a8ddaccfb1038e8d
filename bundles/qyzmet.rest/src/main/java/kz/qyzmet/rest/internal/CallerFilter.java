package kz.qyzmet.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.rest.api.Api;
import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.rest.api.Caller;
import kz.qyzmet.rest.api.CommonProblems;
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.ProblemException;

/**
 * Runs first on every request: gives it a correlation id, works out who the
 * caller is and from where, and keeps everyone but operators out of
 * {@code /api/v1/operator/...}. Operators are recognised by the configured key
 * (a stand-in that issue #4 replaces with operator login plus a one-time code).
 * Refused attempts are security events and go to the audit journal.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class },
        configurationPid = CallerFilter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OperatorAccessConfiguration.class)
@ApiExtension
@JaxrsName("qyzmet.caller")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String PID = "kz.qyzmet.operator";
    static final String OPERATOR_IDENTITY = "operator-key";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String BEARER = "Bearer ";

    private final AuditJournal audit;
    private volatile byte[] operatorKey;

    @Context
    HttpServletRequest servletRequest;

    @Activate
    public CallerFilter(@Reference AuditJournal audit, OperatorAccessConfiguration configuration) {
        this.audit = audit;
        modified(configuration);
    }

    @Modified
    void modified(OperatorAccessConfiguration configuration) {
        String key = configuration.key();
        this.operatorKey = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String correlationId = request.getHeaderString(Api.CORRELATION_HEADER);
        if (correlationId == null || !CORRELATION_ID.matcher(correlationId).matches()) {
            correlationId = UUID.randomUUID().toString();
            request.getHeaders().putSingle(Api.CORRELATION_HEADER, correlationId);
        }
        String address = servletRequest == null ? "" : servletRequest.getRemoteAddr();
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        Caller caller = new Caller(Caller.ANONYMOUS, Caller.ANONYMOUS, address, userAgent == null ? "" : userAgent,
                correlationId);
        if (isOperatorPath(request.getUriInfo().getPath())) {
            caller = authenticateOperator(request, caller);
            Caller operator = caller;
            boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return operator::identity;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return operator.role().equals(role);
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return "Bearer";
                }
            });
        }
        request.setProperty(Caller.ATTRIBUTE, caller);
    }

    static boolean isOperatorPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals(Api.OPERATOR_PATH) || relative.startsWith(Api.OPERATOR_PATH + "/");
    }

    private Caller authenticateOperator(ContainerRequestContext request, Caller anonymous) {
        byte[] expected = operatorKey;
        if (expected == null) {
            deny(anonymous, "no-operator-key-configured");
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Операторлық қол жеткізу бапталмаған: операторлық әрекеттер жабық.",
                    "Доступ операторов не настроен: операторские действия закрыты.",
                    "Operator access is not configured: operator actions are closed."));
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] presented = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8)
                : null;
        // constant-time comparison: the answer time must not tell how much of a guess was right
        if (presented == null || !MessageDigest.isEqual(expected, presented)) {
            deny(anonymous, presented == null ? "missing-credentials" : "wrong-key");
            throw new ProblemException(401, CommonProblems.UNAUTHENTICATED, LocalizedText.of(
                    "Операторлық әрекет үшін оператордың кілті қажет.",
                    "Для операторских действий нужен ключ оператора.",
                    "Operator actions need the operator key."),
                    Map.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qyzmet-operator\""));
        }
        return new Caller(OPERATOR_IDENTITY, Api.ROLE_OPERATOR, anonymous.address(), anonymous.userAgent(),
                anonymous.correlationId());
    }

    private void deny(Caller caller, String reason) {
        audit.record(AuditEvent.builder("security.operator.denied", "operator-api")
                .by(caller)
                .detail("reason", reason)
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String correlationId = request.getHeaderString(Api.CORRELATION_HEADER);
        if (correlationId != null) {
            response.getHeaders().putSingle(Api.CORRELATION_HEADER, correlationId);
        }
    }
}
