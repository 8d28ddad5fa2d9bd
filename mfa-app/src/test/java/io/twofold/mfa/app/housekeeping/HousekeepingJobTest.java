package io.twofold.mfa.app.housekeeping;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twofold.mfa.port.in.PurgeReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class HousekeepingJobTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(HousekeepingJob.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void logsTheCountsOfARunThatRemovedSomething() {
        new HousekeepingJob(() -> new PurgeReport(3, 2, 1, 4, 5)).run();

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo("housekeeping removed 3 expired transactions,"
                    + " 2 challenges, 1 pending authenticators, 4 rested attempt counters, 5 refresh token families"
                    + " and 0 used client assertion ids");
        });
    }

    @Test
    void survivesADatabaseFailureAndRunsAgainNextTime() {
        AtomicInteger runs = new AtomicInteger();
        HousekeepingJob job = new HousekeepingJob(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("statement failed",
                        new SQLException("Connection refused", "08001"));
            }
            return new PurgeReport(1, 0, 0, 0);
        });

        assertThatCode(job::run).doesNotThrowAnyException();
        job.run();

        assertThat(runs).hasValue(2);
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("housekeeping failed, retrying next run: SQLException: Connection refused");
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.INFO).hasSize(1);
    }
}
