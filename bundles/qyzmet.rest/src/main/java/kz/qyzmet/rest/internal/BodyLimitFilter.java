package kz.qyzmet.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.rest.api.ApiExtension;

/**
 * Request bodies have a size limit: a declared length above it is refused before
 * anything is read, and a chunked body is cut off the moment it passes it. The
 * answer is a 413 problem, never a parser working through ten megabytes of login.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = HttpConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@ApiExtension
@JaxrsName("qyzmet.body-limit")
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {
    private final long jsonLimit;
    private final long otherLimit;

    @Activate
    public BodyLimitFilter(HttpConfiguration configuration) {
        this.jsonLimit = configuration.max_json_body_bytes();
        this.otherLimit = configuration.max_body_bytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean json = type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        long limit = json || type == null ? jsonLimit : otherLimit;
        if (request.getLength() > limit) {
            throw new PayloadTooLarge(limit);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    /** Mapped to the 413 problem by {@link WebApplicationExceptionMapper}. */
    static final class PayloadTooLarge extends WebApplicationException {
        private static final long serialVersionUID = 1L;
        final long limit;

        PayloadTooLarge(long limit) {
            super(413);
            this.limit = limit;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }
    }
}
