package io.twofold.mfa.http.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twofold.mfa.port.in.LoginOutcome;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest extends StubbedApiTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void capture() {
        logger = (Logger) LoggerFactory.getLogger(RequestLogFilter.ACCESS_LOGGER);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void logsMethodPathAndStatusButNoSecret() {
        http.postForm("/oauth/token?mfa_token=QUERY-SECRET",
                "grant_type=password&username=u&password=BODY-SECRET&client_id=CID",
                "Authorization", "Basic SEADER-SECRET");
        http.send("DELETE", "/mfa/authenticators/totp%7Cdev_Hy7uB1nQw4ErT9oP", null, null,
                "Authorization", "Bearer BEARER-SECRET");

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("POST /oauth/token 401 "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("DELETE /mfa/authenticators/"));
        assertThat(String.join("\n", lines)).doesNotContain("SECRET");
    }

    @Test
    void useCasesRunOffTheEventLoop() {
        AtomicReference<String> thread = new AtomicReference<>();
        ports.login = c -> {
            thread.set(Thread.currentThread().getName());
            return Either.<io.twofold.mfa.error.MfaError, LoginOutcome>right(new LoginOutcome.Tokens(StubPorts.TOKENS));
        };

        http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID");

        assertThat(thread.get()).isNotNull();
        assertThat(thread.get().toLowerCase()).doesNotContain("eventloop").doesNotContain("event-loop");
    }

    @Test
    void keepsASaneClientRequestIdAndReplacesAnyOtherWithARandomOne() {
        assertThat(RequestLogFilter.requestId("lb-7.a_B")).isEqualTo("lb-7.a_B");
        assertThat(RequestLogFilter.requestId("x".repeat(128))).hasSize(128);
        assertThat(java.util.Arrays.asList(null, "", "a b", "x".repeat(129), "id\nforged line", "caf\u00e9"))
                .allSatisfy(offered -> assertThat(RequestLogFilter.requestId(offered)).matches("[0-9a-f]{32}"));
        assertThat(RequestLogFilter.requestId(null)).isNotEqualTo(RequestLogFilter.requestId(null));
    }
}
