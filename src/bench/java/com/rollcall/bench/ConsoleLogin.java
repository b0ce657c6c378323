package com.rollcall.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One console sign-in attempt as a browser makes it (as LoginStormIT does): GET /login.xhtml for the session cookie
 * and the view state, then the form POST. Plain HTTP/1.0 over a socket so that the attempt can come from a chosen
 * local address (127.0.0.N: the server sees a different client address per worker; java.net.http cannot bind one
 * before JDK 19). Classifies the answer by what the sign-in page says.
 */
final class ConsoleLogin {
    enum Outcome {
        /** the per-address budget refused it before any password check */
        THROTTLED,
        /** turned away because too many password checks were running */
        BUSY,
        /** checked and refused (wrong password, unknown or password-less login) */
        FAILED,
        /** signed in (never expected) */
        SIGNED_IN,
        /** anything else, or the connection failed */
        OTHER
    }

    record Attempt(Outcome outcome, long nanos, String detail) {
    }

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(?im)^set-cookie:\\s*([^=;\\s]+=[^;\\r\\n]*)");

    private final String host;
    private final int port;

    ConsoleLogin(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Attempt attempt(InetAddress from, String login, String password) {
        long start = System.nanoTime();
        try {
            String page = exchange(from, "GET /login.xhtml HTTP/1.0\r\nHost: " + host + ":" + port + "\r\n\r\n", null);
            Matcher viewState = VIEW_STATE.matcher(page);
            if (!viewState.find()) {
                return new Attempt(Outcome.OTHER, System.nanoTime() - start, firstLine(page));
            }
            List<String> cookies = new ArrayList<>();
            for (Matcher c = COOKIE.matcher(page.substring(0, Math.max(0, page.indexOf("\r\n\r\n")))); c.find();) {
                cookies.add(c.group(1).trim());
            }
            String form = "login=login&username=" + enc(login) + "&password=" + enc(password) + "&sign-in=Sign+in"
                    + "&jakarta.faces.ViewState=" + enc(viewState.group(1));
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            String request = "POST /login.xhtml HTTP/1.0\r\nHost: " + host + ":" + port + "\r\n"
                    + (cookies.isEmpty() ? "" : "Cookie: " + String.join("; ", cookies) + "\r\n")
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
            String answer = exchange(from, request, body);
            long nanos = System.nanoTime() - start;
            String status = firstLine(answer);
            if (status.contains(" 302 ") || status.contains(" 303 ")) {
                return new Attempt(Outcome.SIGNED_IN, nanos, status);
            }
            if (answer.contains("Too many sign-in attempts")) {
                return new Attempt(Outcome.THROTTLED, nanos, status);
            }
            if (answer.contains("busy checking other sign-ins")) {
                return new Attempt(Outcome.BUSY, nanos, status);
            }
            if (answer.contains("Login failed")) {
                return new Attempt(Outcome.FAILED, nanos, status);
            }
            return new Attempt(Outcome.OTHER, nanos, status);
        } catch (IOException e) {
            return new Attempt(Outcome.OTHER, System.nanoTime() - start, String.valueOf(e));
        }
    }

    private String exchange(InetAddress from, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream(16 * 1024);
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(String answer) {
        int end = answer.indexOf('\r');
        return end < 0 ? answer.substring(0, Math.min(100, answer.length())) : answer.substring(0, end);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
