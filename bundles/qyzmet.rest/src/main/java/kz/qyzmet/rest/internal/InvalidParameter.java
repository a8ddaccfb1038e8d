package kz.qyzmet.rest.internal;

import javax.ws.rs.WebApplicationException;

import kz.qyzmet.common.api.ProblemException;

/**
 * A path, query or header parameter that does not read as its declared type.
 * A {@code WebApplicationException}, because JAX-RS passes those through from
 * parameter conversion while it turns every other failure into a bare 404.
 */
final class InvalidParameter extends WebApplicationException {
    private static final long serialVersionUID = 1L;
    final transient ProblemException problem;

    InvalidParameter(ProblemException problem) {
        super(problem.status());
        this.problem = problem;
    }
}
