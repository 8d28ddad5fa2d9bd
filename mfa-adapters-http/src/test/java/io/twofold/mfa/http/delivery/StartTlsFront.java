package io.twofold.mfa.http.delivery;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * GreenMail's SMTP speaks no STARTTLS, so this front does: on 127.0.0.1 it greets, offers STARTTLS,
 * upgrades the connection with the given TLS context, and from then on relays the conversation to
 * GreenMail's plain SMTP port (whose own greeting it swallows). Anything else before STARTTLS gets 530.
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket listener;
    private final int backendPort;
    private final SSLContext tls;

    StartTlsFront(int backendPort, SSLContext tls) {
        this.backendPort = backendPort;
        this.tls = tls;
        try {
            listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "starttls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread connection = new Thread(() -> serve(client), "starttls-front-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            write(out, "220 front.test ESMTP\r\n");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                if (command.equals("EHLO")) {
                    write(out, "250-front.test\r\n250 STARTTLS\r\n");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    break;
                } else if (command.equals("QUIT")) {
                    write(out, "221 2.0.0 Bye\r\n");
                    return;
                } else {
                    write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
                }
            }
            SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), false);
            secured.setUseClientMode(false);
            secured.startHandshake();
            try (secured; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
                readLine(backend.getInputStream()); // GreenMail's greeting: the client had ours
                Thread upstream = new Thread(() -> pump(secured, backend), "starttls-front-upstream");
                upstream.setDaemon(true);
                upstream.start();
                pump(backend, secured);
            }
        } catch (IOException e) {
            // the client went away or refused the handshake: the test asserts on what the sender reports
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.close();
        } catch (IOException closed) {
            // either side closed
        }
    }

    /** One line, byte by byte, so nothing after it (the TLS handshake) is read ahead. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append((char) b);
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
