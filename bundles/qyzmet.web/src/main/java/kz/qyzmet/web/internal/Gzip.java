package kz.qyzmet.web.internal;

import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.osgi.service.component.annotations.Component;

/** Pages, scripts and styles leave gzip-compressed when the browser accepts it (issue #14). */
@Component(service = WriterInterceptor.class)
@WebExtension
public class Gzip implements WriterInterceptor {
    @Context
    HttpHeaders request;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        String accepted = request == null ? null : request.getHeaderString(HttpHeaders.ACCEPT_ENCODING);
        MediaType type = context.getMediaType();
        boolean text = type != null && ("text".equals(type.getType()) || type.getSubtype().contains("javascript")
                || type.getSubtype().contains("svg"));
        if (!text || accepted == null || !accepted.contains("gzip") || context.getHeaders().containsKey("Content-Encoding")) {
            context.proceed();
            return;
        }
        context.getHeaders().putSingle("Content-Encoding", "gzip");
        context.getHeaders().add(HttpHeaders.VARY, "Accept-Encoding");
        context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        GZIPOutputStream gzip = new GZIPOutputStream(context.getOutputStream());
        context.setOutputStream(gzip);
        try {
            context.proceed();
        } finally {
            gzip.finish();
        }
    }
}
