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
import kz.qyzmet.rest.api.CommonProblems;
import kz.qyzmet.rest.api.LocalizedText;

/**
 * Last line of defence: an unexpected failure is logged with an incident id and
 * the client gets that id in a problem, never the stack trace.
 */
@Component(service = ExceptionMapper.class)
@ApiExtension
@JaxrsName("qyzmet.unexpected.problems")
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, headers);
    }

    static Response internalError(Throwable exception, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, exception);
        return ProblemResponses.of(CommonProblems.INTERNAL, 500, LocalizedText.of(
                "Күтпеген қате орын алды. Қолдау қызметіне {incident} нөмірін хабарлаңыз.",
                "Произошла непредвиденная ошибка. Сообщите в поддержку номер {incident}.",
                "An unexpected error occurred. Quote incident {incident} to support.")
                .format(Map.of("incident", incident)), Map.of("incident", incident), headers);
    }
}
