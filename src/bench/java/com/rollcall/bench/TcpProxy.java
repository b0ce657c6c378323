package com.rollcall.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy between the instances and the database that scripts/faults.sh can cut: "down" on the control
 * port closes every proxied connection and stops listening (connections are refused, as when the database host is
 * gone), "up" listens again. Usage: TcpProxy LISTEN_PORT TARGET_HOST TARGET_PORT CONTROL_PORT
 */
public final class TcpProxy {
    private final int listenPort;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(int listenPort, String targetHost, int targetPort) {
        this.listenPort = listenPort;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: TcpProxy LISTEN_PORT TARGET_HOST TARGET_PORT CONTROL_PORT");
            System.exit(2);
        }
        TcpProxy proxy = new TcpProxy(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]));
        proxy.up();
        try (ServerSocket control = new ServerSocket()) {
            control.setReuseAddress(true);
            control.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[3])));
            while (true) {
                try (Socket client = control.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                                StandardCharsets.US_ASCII));
                        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    String command = String.valueOf(in.readLine()).trim();
                    switch (command) {
                        case "down" -> proxy.down();
                        case "up" -> proxy.up();
                        default -> { }
                    }
                    out.println(proxy.server == null ? "down" : "up " + proxy.open.size());
                }
            }
        }
    }

    private synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 200);
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized void down() {
        ServerSocket socket = server;
        server = null;
        close(socket);
        for (Socket s : open) {
            close(s);
        }
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    close(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // closed by the other side or cut
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
