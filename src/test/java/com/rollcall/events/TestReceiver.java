package com.rollcall.events;

import com.rollcall.scim.json.ScimJson;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver for the tests: a tiny {@code com.sun.net.httpserver} server on 127.0.0.1 that records every
 * request (headers, body, when) and answers from a script: the next scripted answer (a status, or {@link #HANG} to
 * answer only after the sender's timeout), else {@link #defaultStatus}.
 */
public final class TestReceiver implements AutoCloseable {
    /** Answer after Rollcall's delivery timeout (the test server's is 1.5 s). */
    public static final int HANG = -1;

    /** One request the receiver got. */
    public record Received(String eventId, String eventType, String signature, String body, Instant at, int answered) {
        public JsonObject json() {
            try (var reader = ScimJson.PROVIDER.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    public volatile int defaultStatus = 200;

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Integer scripted = script.poll();
            int status = scripted == null ? defaultStatus : scripted;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Rollcall-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Rollcall-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Rollcall-Signature"), body, Instant.now(), status));
            if (status == HANG) {
                sleep(3_000);
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Answers these, in order, to the next requests. */
    public void script(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests answered 2xx (delivered), in arrival order. */
    public List<Received> delivered() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
