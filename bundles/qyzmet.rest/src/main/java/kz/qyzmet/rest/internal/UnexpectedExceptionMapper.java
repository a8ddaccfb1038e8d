package kz.qyzmet.rest.internal;

import java.util.Map;
import java.util.UUID;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;

/**
 * Last line of defence: an unexpected failure is logged with an incident id and
 * the client gets that id in a problem, never the stack trace.
 */
@Component(service = ExceptionMapper.class)
@ApiExtension
@JaxrsName("qyzmet.unexpected.problems")
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    /** A connection that could not be had or broke: nothing the request did wrong. */
    static boolean databaseUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLRecoverableException || cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A bundle whose schema failed to migrate (issue #12): its data cannot be used
     * until an operator repairs it. Named, not imported: the REST layer needs no
     * persistence API for this.
     */
    static boolean schemaFailed(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("kz.qyzmet.persistence.api.MigrationFailedException")) {
                return true;
            }
        }
        return false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, headers);
    }

    static Response internalError(Throwable exception, HttpHeaders headers) {
        if (databaseUnreachable(exception)) {
            // issue #11, item 14: the database is away (restarting, failing over): a quick 503, not a 500
            LOG.warn("request refused, the database is not reachable: {}", exception.toString());
            return Response.fromResponse(ProblemResponses.of(CommonProblems.UNAVAILABLE, 503, LocalizedText.of(
                    "Дерекқор қазір қолжетімсіз; біраздан кейін қайталаңыз.",
                    "База данных сейчас недоступна; повторите чуть позже.",
                    "The database cannot be reached right now; try again shortly."), Map.of(), headers))
                    .header("Retry-After", "5").build();
        }
        if (schemaFailed(exception)) {
            LOG.warn("request refused, its service's schema failed to migrate: {}", exception.getMessage());
            return ProblemResponses.of(CommonProblems.UNAVAILABLE, 503, LocalizedText.of(
                    "Қызмет уақытша қолжетімсіз: оның деректерін операторлар қалпына келтіруде.",
                    "Сервис временно недоступен: операторы восстанавливают его данные.",
                    "The service is temporarily unavailable: operators are repairing its data."), Map.of(), headers);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, exception);
        return ProblemResponses.of(CommonProblems.INTERNAL, 500, LocalizedText.of(
                "Күтпеген қате орын алды. Қолдау қызметіне {incident} нөмірін хабарлаңыз.",
                "Произошла непредвиденная ошибка. Сообщите в поддержку номер {incident}.",
                "An unexpected error occurred. Quote incident {incident} to support.")
                .format(Map.of("incident", incident)), Map.of("incident", incident), headers);
    }
}
