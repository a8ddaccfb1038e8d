package kz.qyzmet.rest.internal;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.common.api.ProblemException;

/** Problems thrown on purpose by resources and filters (rules §29: the reason is always told). */
@Component(service = ExceptionMapper.class)
@ApiExtension
@JaxrsName("qyzmet.problems")
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException exception) {
        return ProblemResponses.of(exception, headers);
    }
}
