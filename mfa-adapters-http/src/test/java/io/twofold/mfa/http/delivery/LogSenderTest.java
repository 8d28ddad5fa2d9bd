package io.twofold.mfa.http.delivery;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OobMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogSenderTest {
    final Logger logger = (Logger) LoggerFactory.getLogger(LogSender.class);
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void logsTheCodeLoudlyAsADevelopmentSenderWithTheAddressMasked() {
        new LogSender().send(new OobMessage(OobChannel.SMS, "+15551234567", "482913", "Your code is 482913"));

        assertThat(appender.list).hasSize(1);
        ILoggingEvent event = appender.list.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage())
                .contains("DEVELOPMENT", "NOT FOR PRODUCTION", "sms", "XXXXXXX4567", "482913")
                .doesNotContain("+15551234567");
    }

    @Test
    void masksEmailAddressesAndAnythingUnrecognised() {
        assertThat(LogSender.masked("jane@example.com")).isEqualTo("j***@e******.com");
        assertThat(LogSender.masked("something odd")).isEqualTo("***");
    }
}
