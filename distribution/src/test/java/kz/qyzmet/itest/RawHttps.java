package kz.qyzmet.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Requests the JDK's HTTP client refuses to send (a malformed URI, an
 * oversized header) or cannot send from a chosen local address (127.0.0.2,
 * standing for a reverse proxy): the request is written byte for byte over TLS
 * 1.3 and the answer read until the server closes or the body is complete.
 */
final class RawHttps {
    private final SSLContext tls;
    private final int port;

    RawHttps(SSLContext tls, int port) {
        this.tls = tls;
        this.port = port;
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, without the final blank line) and {@code body} from {@code from}. */
    Answer send(String from, String head, String body) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] { "TLSv1.3" });
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String request = head + "\r\n" + (body == null ? "" : "Content-Length: " + content.length + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (javax.net.ssl.SSLException | java.net.SocketException closedAbruptly) {
            // the server may close right after a refusal; what arrived is the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int end = chunked.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, end).strip(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies here are ASCII or short enough to read as UTF-8 text whole
            body.append(chunked, end + 2, Math.min(chunked.length(), end + 2 + size));
            at = end + 2 + size + 2;
        }
        return body.toString();
    }
}
