package io.twofold.mfa.app.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the real app does with connections that misbehave below HTTP: requests half sent, bodies cut short. */
class ConnectionsTest {
    private static final byte[] HALF_SENT = ("POST /oauth/token HTTP/1.1\r\nHost: twofold.test\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"grant_type\":")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aHalfSentRequestHasItsConnectionClosedAfterTheIdleTimeout() throws IOException {
        Map<String, Object> properties = new HashMap<>();
        try (WebhookRecorder webhook = new WebhookRecorder()) {
            properties.putAll(E2eFixture.properties(dir, webhook));
            properties.put("twofold.server.idle-timeout", "1s");
            properties.put("twofold.sms-webhook.timeout", "400ms"); // the idle timeout must outlast a webhook call
            try (RunningApp app = RunningApp.start(properties, E2eFixture.clock());
                 Socket socket = new Socket("127.0.0.1", app.uri().getPort())) {
                socket.getOutputStream().write(HALF_SENT);
                socket.getOutputStream().flush();
                // A guard, not a measurement: the default before this setting held the connection for 5 minutes.
                socket.setSoTimeout(30_000);
                InputStream in = socket.getInputStream();
                try {
                    while (in.read() >= 0) {
                        // whatever the server says before it closes is not the point
                    }
                } catch (SocketTimeoutException stillOpen) {
                    throw new AssertionError("the half-sent request's connection was still open after 30 s", stillOpen);
                } catch (SocketException reset) {
                    // closed with a reset: closed all the same
                }
            }
        }
    }

    @Test
    void aClientThatLeavesMidBodyIsLoggedAtDebugWithoutAStackTrace() throws IOException {
        Logger twofold = (Logger) LoggerFactory.getLogger("io.twofold");
        Level level = twofold.getLevel();
        twofold.setLevel(Level.DEBUG);
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock());
             LogCapture log = new LogCapture()) {
            try (Socket socket = new Socket("127.0.0.1", app.uri().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(HALF_SENT);
                out.flush();
            }
            log.awaitLine("POST /oauth/token");

            assertThat(log.events()).as(log.text()).noneMatch(event -> event.getThrowableProxy() != null);
            assertThat(log.events()).as(log.text()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
            assertThat(log.events()).as(log.text()).anyMatch(event -> event.getLevel() == Level.DEBUG
                    && event.getFormattedMessage().contains("POST /oauth/token: the client closed the connection"));
        } finally {
            twofold.setLevel(level);
        }
    }
}
