package kz.qyzmet.demo.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.DemoIdentities;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.Answer;

/**
 * {@code /api/v1/demo}: the demo version's sign-up (anyone, no contract) and
 * reset (the signed-in client's own account back to the start). Present only
 * in dev and demo mode (rules §4), where the auth core offers sign-ups.
 */
@Component(service = {}, immediate = true)
@Path("demo")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {
    private final DemoAccounts accounts;

    @Context
    HttpServletRequest request;

    private final org.osgi.framework.ServiceRegistration<DemoResource> registration;

    /** A resource of the platform's API in dev and demo mode; in production there is no such path at all. */
    @Activate
    public DemoResource(@Reference DemoAccounts accounts, org.osgi.framework.BundleContext context) {
        this.accounts = accounts;
        if (accounts.demo()) {
            java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
            properties.put("osgi.jaxrs.resource", Boolean.TRUE);
            properties.put("osgi.jaxrs.application.select", kz.qyzmet.rest.api.Api.APPLICATION_SELECT);
            properties.put("osgi.jaxrs.name", "qyzmet.demo");
            registration = context.registerService(DemoResource.class, this, properties);
        } else {
            registration = null;
        }
    }

    @org.osgi.service.component.annotations.Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
        }
    }

    /** What a newcomer sends; {@code language} kk, ru or en. */
    public record SignUp(String login, String phone, String email, String name, String language, String password) {
    }

    public record SignedUp(String clientId, String login, String account, Map<String, BigDecimal> money) {
    }

    public record Reset(String account, Map<String, BigDecimal> balances) {
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(status = 201, body = SignedUp.class, description = "signed up: sign in with the login and password")
    @Answer(status = 409, description = "the login, e-mail or phone is taken")
    @Answer(status = 429, description = "too many sign-ups from this address")
    public Response signUp(SignUp signUp) {
        if (signUp == null) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of("Тіркелу деректері қажет.",
                    "Нужны данные для регистрации.", "The sign-up details are needed."));
        }
        Language language = signUp.language() == null ? Language.DEFAULT : Language.fromTag(signUp.language());
        String clientId = accounts.signUp(new DemoIdentities.SignUp(signUp.login(), signUp.phone(), signUp.email(),
                signUp.name(), language == null ? Language.DEFAULT : language, signUp.password()),
                Caller.from(request::getAttribute));
        return Response.created(URI.create("/api/v1/demo/signup/" + clientId)).entity(new SignedUp(clientId,
                signUp.login(), clientId, accounts.virtualMoney())).build();
    }

    @POST
    @Path("reset")
    public Reset reset() {
        Session session = Session.requireClient(request::getAttribute);
        return new Reset(session.clientId(), accounts.reset(session.clientId(), Caller.from(request::getAttribute)));
    }
}
