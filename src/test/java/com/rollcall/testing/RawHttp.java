package com.rollcall.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for requests java.net.http cannot make: without a
 * User-Agent (ENTRA.md Q13), with a malformed percent-escape in the path, or with header values
 * as broken as a client may send them. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A response: status, headers by lower-case name, body as UTF-8 text (chunked bodies decoded). */
    public record Response(int status, Map<String, String> headers, String text) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text;
        }
    }

    /**
     * Sends {@code method target} (target as written on the request line, e.g. {@code /scim/v2/Users?x=1})
     * to the shared server with exactly these headers (Host and Connection are added) and body.
     */
    public static Response send(String method, String target, Map<String, String> headers, String body) {
        URI base = URI.create(RollcallServer.get().baseUrl());
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("raw HTTP request failed: " + method + " " + target, e);
        }
    }

    /**
     * Sends exactly {@code head} (request line and header lines, each ending in CRLF, without the empty line that
     * ends the head) and {@code body} to the shared server, waiting at most {@code timeout} for the answer: for
     * requests no client library makes (repeated headers, any method, a body on any method).
     */
    public static Response exchange(String head, byte[] body, java.time.Duration timeout) throws IOException {
        URI base = URI.create(RollcallServer.get().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] raw = socket.getInputStream().readAllBytes();
            int interim = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            while (interim > 0 && raw.length > 9 && raw[9] == '1') { // 100 Continue and other interim answers
                raw = java.util.Arrays.copyOfRange(raw, interim + 4, raw.length);
                interim = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            return parse(raw);
        }
    }

    /** A SCIM request as the given tenant's IdP would send it, minus everything not listed. */
    public static Response send(String method, String scimPath, Tenant tenant, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        if (tenant != null) {
            all.put("Authorization", "Bearer " + tenant.token());
        }
        all.putAll(headers);
        return send(method, "/scim/v2/" + scimPath, all, body);
    }

    private static Response parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head in " + raw.length + " bytes");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            StringBuilder sizeLine = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return out.toByteArray();
                }
                sizeLine.append((char) c);
            }
            String hex = sizeLine.toString().split(";")[0].trim();
            if (hex.isEmpty()) {
                continue;
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
