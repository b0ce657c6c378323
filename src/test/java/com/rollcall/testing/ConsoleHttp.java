package com.rollcall.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, as a browser without JavaScript uses it: one session cookie kept by hand (so a test
 * sees every {@code Set-Cookie} exactly as sent), redirects not followed, forms read from the page (their hidden
 * fields, the Faces view state among them) and posted back. For what a browser test cannot do: send the same form
 * twice at once, add proxy headers, read raw response headers.
 */
public final class ConsoleHttp {
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)/?>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    private final String base;
    private final Map<String, String> headers;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private volatile String sessionId;

    /** A client of the server at {@code base} (ending in a slash) that sends these extra headers on every request. */
    public ConsoleHttp(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** A client of the shared server without extra headers. */
    public static ConsoleHttp anonymous() {
        return new ConsoleHttp(RollcallServer.get().baseUrl(), Map.of());
    }

    /** One answer: status, every header as sent (lower-case names), the body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : String.join(", ", values);
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        /** The session cookie this answer sets, as sent (name=value and its attributes), if any. */
        public Optional<String> sessionCookie() {
            return all("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).reduce((a, b) -> b);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    public Response get(String path, Map<String, String> extra) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), extra);
    }

    /** Posts these fields, form-encoded, to {@code path}. */
    public Response post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    public Response post(String path, Map<String, String> fields, Map<String, String> extra) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), extra);
    }

    /** Signs in through the login page's form; fails unless the answer is the redirect to the dashboard. */
    public Response signIn(String login, String password) {
        Response page = get("login.xhtml");
        Map<String, String> form = form(page.body(), "login");
        form.put("username", login);
        form.put("password", password);
        form.put("sign-in", "Sign in");
        Response answer = post("login.xhtml", form);
        if (answer.status() != 302 || !answer.header("location").endsWith("/console/dashboard.xhtml")) {
            throw new AssertionError("sign-in failed: " + answer);
        }
        return answer;
    }

    /** The session id the client holds now (null before the server gave one). */
    public String sessionId() {
        return sessionId;
    }

    /**
     * The fields a browser would send for the form with this id, as the page has them: every hidden and text input
     * with its value (checkboxes and radios only when checked). The submit button is the caller's to add.
     */
    public static Map<String, String> form(String html, String formId) {
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            if (!forms.group(1).equals(formId)) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher inputs = INPUT.matcher(forms.group(2));
            while (inputs.find()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher a = ATTRIBUTE.matcher(inputs.group(1));
                while (a.find()) {
                    attributes.put(a.group(1), a.group(2).replace("&amp;", "&").replace("&quot;", "\""));
                }
                String type = attributes.getOrDefault("type", "text");
                String name = attributes.get("name");
                if (name == null || type.equals("submit") || type.equals("button")) {
                    continue;
                }
                if ((type.equals("checkbox") || type.equals("radio")) && !attributes.containsKey("checked")) {
                    continue;
                }
                fields.put(name, attributes.getOrDefault("value", ""));
            }
            return fields;
        }
        throw new AssertionError("no form " + formId + " on the page:\n" + html);
    }

    private Response send(HttpRequest.Builder request, Map<String, String> extra) {
        headers.forEach(request::header);
        extra.forEach(request::header);
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Response response = new Response(answer.statusCode(), answer.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue,
                            (a, b) -> a)), answer.body());
            response.sessionCookie().ifPresent(cookie -> sessionId = cookie.substring("JSESSIONID=".length(),
                    cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
