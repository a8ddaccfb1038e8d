package kz.qyzmet.rest.internal;

import java.util.List;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.AddressRanges;
import kz.qyzmet.rest.api.Api;
import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.RequestAuthenticator;
import kz.qyzmet.rest.api.RequestGuard;

/**
 * Runs first on every request of the API and of the web pages, in four steps that must not be reordered:
 * gives it a correlation id; lets the {@link RequestAuthenticator} (the auth
 * bundle) name the {@link Caller}; keeps everyone but operators and
 * administrators out of {@code /api/v1/operator/...}; asks every
 * {@link RequestGuard} (e.g. a service's declared assurance). One filter does all four
 * because JAX-RS runtimes do not promise an order between filters of different
 * bundles. Without an authenticator the operator API is closed, not open;
 * refusals are security events and go to the audit journal. The caller's
 * address is the connection's, or the one a trusted proxy forwarded
 * ({@link ClientAddress}). Every answer leaves with the headers of
 * {@link ResponseHeaders}.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class },
        configurationPid = HttpConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        scope = org.osgi.service.component.annotations.ServiceScope.PROTOTYPE)
@Designate(ocd = HttpConfiguration.class)
// the API and the web pages (issue #14): pages outside /api/v1 pass the same authentication; one instance per
// application (prototype), each with its own injected request
@ApiExtension(application_select = Api.PLATFORM_APPLICATIONS_SELECT)
@JaxrsName("qyzmet.caller")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final String IN_FLIGHT = "kz.qyzmet.rest.in-flight";

    private final AuditJournal audit;
    private final Readiness readiness;
    private final InFlight inFlight;
    private final AddressRanges trustedProxies;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RequestAuthenticator authenticator;

    /** Highest ranking first (DS orders a dynamic multiple reference by ranking, ascending). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RequestGuard> guards;

    @Context
    HttpServletRequest servletRequest;

    @Activate
    public CallerFilter(@Reference AuditJournal audit, @Reference Readiness readiness, @Reference InFlight inFlight,
            HttpConfiguration configuration) {
        this.audit = audit;
        this.readiness = readiness;
        this.inFlight = inFlight;
        this.trustedProxies = AddressRanges.parse(configuration.trusted_proxies());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!readiness.started() && !relative(path).startsWith(HealthResource.PATH + "/")) {
            // issue #11, item 15: while starting, no partial catalog, no 401 for a valid session, no 404
            throw starting();
        }
        if (!inFlight.enter()) {
            // issue #11, item 11: stopping; those in flight finish, new ones go elsewhere
            throw stopping();
        }
        request.setProperty(IN_FLIGHT, Boolean.TRUE);
        String correlationId = request.getHeaderString(Api.CORRELATION_HEADER);
        if (correlationId == null || !CORRELATION_ID.matcher(correlationId).matches()) {
            correlationId = UUID.randomUUID().toString();
            request.getHeaders().putSingle(Api.CORRELATION_HEADER, correlationId);
        }
        String peer = servletRequest == null ? "" : servletRequest.getRemoteAddr();
        String address = ClientAddress.resolve(peer, request.getHeaders().get("Forwarded"),
                request.getHeaders().get("X-Forwarded-For"), trustedProxies);
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        Caller anonymous = new Caller(Caller.ANONYMOUS, Caller.ANONYMOUS, address, userAgent == null ? "" : userAgent,
                correlationId);
        request.setProperty(Caller.ATTRIBUTE, anonymous);
        RequestAuthenticator current = authenticator;
        Caller caller = current == null ? anonymous : current.authenticate(request, anonymous);
        request.setProperty(Caller.ATTRIBUTE, caller);
        if (isOperatorPath(path) && !caller.isOperator() && !(caller.isManager() && managerMay(request.getMethod(), path))) {
            refuseOperatorPath(request, caller);
        }
        List<RequestGuard> asked = guards;
        if (asked != null) {
            for (int i = asked.size() - 1; i >= 0; i--) {
                asked.get(i).check(request, caller);
            }
        }
    }

    static ProblemException stopping() {
        return new ProblemException(503, CommonProblems.UNAVAILABLE, LocalizedText.of(
                "Платформа тоқтап жатыр; бірнеше секундтан кейін қайталаңыз.",
                "Платформа останавливается; повторите через несколько секунд.",
                "The platform is stopping; try again in a few seconds."), Map.of(), Map.of("Retry-After", "5"));
    }

    static ProblemException starting() {
        return new ProblemException(503, CommonProblems.UNAVAILABLE, LocalizedText.of(
                "Платформа іске қосылып жатыр; бірнеше секундтан кейін қайталаңыз.",
                "Платформа запускается; повторите через несколько секунд.",
                "The platform is starting; try again in a few seconds."), Map.of(), Map.of("Retry-After", "2"));
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * What a manager may do in the operator API (§35.3, §40): prepare an
     * instruction at a client's request, which the client then signs with their
     * own code. Nothing else: no queue, ledger, records, identities or settings.
     */
    static boolean managerMay(String method, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return "POST".equals(method) && (relative.equals(Api.OPERATOR_PATH + "/instructions")
                || relative.matches(java.util.regex.Pattern.quote(Api.OPERATOR_PATH) + "/services/[a-z0-9-]+/prepared"));
    }

    static boolean isOperatorPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals(Api.OPERATOR_PATH) || relative.startsWith(Api.OPERATOR_PATH + "/");
    }

    private void refuseOperatorPath(ContainerRequestContext request, Caller caller) {
        boolean anonymous = Caller.ANONYMOUS.equals(caller.identity());
        audit.record(AuditEvent.builder("security.operator.denied", "operator-api").by(caller)
                .detail("reason", anonymous ? "not-authenticated" : "role-" + caller.role())
                .detail("path", request.getUriInfo().getPath()).build());
        if (anonymous) {
            throw new ProblemException(401, CommonProblems.UNAUTHENTICATED, LocalizedText.of(
                    "Операторлық әрекеттер үшін оператор ретінде кіріңіз (құпиясөз және бір реттік код).",
                    "Для операторских действий войдите как оператор (пароль и одноразовый код).",
                    "Operator actions need an operator login (password and one-time code)."),
                    Map.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qyzmet\""));
        }
        throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                "Бұл әрекет тек операторларға рұқсат етілген.", "Это действие доступно только операторам.",
                "Only operators may do this."));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(IN_FLIGHT) != null) {
            request.removeProperty(IN_FLIGHT);
            inFlight.leave();
        }
        String correlationId = request.getHeaderString(Api.CORRELATION_HEADER);
        if (correlationId != null) {
            response.getHeaders().putSingle(Api.CORRELATION_HEADER, correlationId);
        }
        ResponseHeaders.apply(response.getHeaders(), response.getStatus());
    }
}
