package com.rollcall.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session cookie as the console sends it: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} whenever the
 * request came over TLS, directly or per {@code X-Forwarded-Proto} from a trusted proxy ({@link ClientOrigin}). The
 * container sets the cookie itself (web.xml's cookie-config gives HttpOnly and SameSite, and Secure over direct TLS);
 * it cannot know of the proxy, so the {@code Set-Cookie} header it wrote is completed here, wherever a session is
 * created or its id changed.
 */
public final class SessionCookies {
    private static final String NAME = "JSESSIONID=";

    private SessionCookies() {
    }

    /** Completes every session cookie this response sets so far (call it right after a session is made or renewed). */
    public static void complete(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(c -> c.startsWith(NAME))) {
            return;
        }
        boolean secure = ClientOrigin.of(request).secure();
        boolean first = true;
        for (String cookie : cookies) {
            String value = cookie.startsWith(NAME) ? completed(cookie, secure) : cookie;
            if (first) {
                response.setHeader("Set-Cookie", value);
                first = false;
            } else {
                response.addHeader("Set-Cookie", value);
            }
        }
    }

    static String completed(String cookie, boolean secure) {
        List<String> attributes = new ArrayList<>();
        for (String part : cookie.split(";")) {
            attributes.add(part.strip());
        }
        StringBuilder out = new StringBuilder(attributes.get(0));
        boolean httpOnly = false;
        boolean sameSite = false;
        boolean isSecure = false;
        for (String attribute : attributes.subList(1, attributes.size())) {
            String name = attribute.toLowerCase(Locale.ROOT);
            httpOnly |= name.equals("httponly");
            sameSite |= name.startsWith("samesite=");
            isSecure |= name.equals("secure");
            if (!attribute.isEmpty()) {
                out.append("; ").append(attribute);
            }
        }
        if (secure && !isSecure) {
            out.append("; Secure");
        }
        if (!httpOnly) {
            out.append("; HttpOnly");
        }
        if (!sameSite) {
            out.append("; SameSite=Lax");
        }
        return out.toString();
    }
}
