package io.twofold.mfa.contract;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogPage;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuditEvents;
import io.twofold.mfa.port.out.AuditLog;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the read side of every {@link AuditLog} must do. Extend it with a fresh, empty log per test,
 * given as the writer and the reader of one store.
 */
public abstract class AuditEventsContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final UserId ALICE = new UserId("auth0|alice");
    private static final UserId BOB = new UserId("auth0|bob");
    private static final ClientId APP = new ClientId("app");
    private static final String TOTP = "totp|dev_ABCDEFGHIJKLMNOP";

    /** A log's two sides. */
    public record Log(AuditLog writer, AuditEvents reader) {
    }

    protected Log log;

    /** A fresh, empty log; called before every test. */
    protected abstract Log newLog();

    @BeforeEach
    protected void createLog() {
        log = newLog();
    }

    private static AuditEvent event(Instant at, String type, Option<UserId> user, String... keyValues) {
        LinkedHashMap<String, String> details = LinkedHashMap.empty();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            details = details.put(keyValues[i], keyValues[i + 1]);
        }
        return new AuditEvent(at, type, user, Option.of(APP), details);
    }

    private List<LogEntry> all() {
        return log.reader().after(Option.none(), 1000, FAR);
    }

    @Test
    public void findsAnEntryByItsIdWithItsLogTypeAndDetails() {
        log.writer().record(event(T0, "mfa.verified", Option.of(ALICE), "transaction", "tx-1", "authenticator", TOTP));

        LogEntry entry = all().single();
        LogEntry found = log.reader().find(entry.id()).get();

        assertThat(found.type()).isEqualTo("gd_auth_succeed");
        assertThat(found.event().type()).isEqualTo("mfa.verified");
        assertThat(found.event().user()).contains(ALICE);
        assertThat(found.event().client()).contains(APP);
        assertThat(found.event().at()).isEqualTo(T0);
        assertThat(found.event().details().toJavaMap()).containsEntry("authenticator", TOTP).containsEntry("transaction", "tx-1");
        assertThat(log.reader().find(new LogId(entry.id().sequence() + 1000))).isEmpty();
    }

    @Test
    public void keepsDetailsThatNeedEscaping() {
        log.writer().record(event(T0, "mfa.challenge", Option.none(), "outcome", "a \"quoted\"\\ value\n", "empty", ""));

        assertThat(all().single().event().details().toJavaMap())
                .containsEntry("outcome", "a \"quoted\"\\ value\n").containsEntry("empty", "");
    }

    @Test
    public void idsGrowInRecordingOrderAsNumbersAndAsStrings() {
        for (int i = 0; i < 12; i++) {
            log.writer().record(event(T0.plusSeconds(i), "login.success", Option.of(ALICE)));
        }

        List<LogEntry> entries = all();
        assertThat(entries.map(e -> e.event().at()).toJavaList()).isSorted();
        assertThat(entries.map(e -> e.id().value()).toJavaList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    public void searchesByTypeUserClientAndTimeWithAnExactTotal() {
        log.writer().record(event(T0, "login.success", Option.of(ALICE)));
        log.writer().record(event(T0.plusSeconds(1), "login.failure", Option.none()));
        log.writer().record(event(T0.plusSeconds(2), "login.success", Option.of(BOB)));
        log.writer().record(event(T0.plusSeconds(3), "login.success", Option.of(ALICE)));

        LogPage sepft = log.reader().search(LogFilter.ALL.withType("sepft"), true, 0, 10);
        assertThat(sepft.total()).isEqualTo(3);
        assertThat(sepft.entries().map(e -> e.event().at())).containsExactly(T0.plusSeconds(3), T0.plusSeconds(2), T0);

        LogPage alice = log.reader().search(LogFilter.ofUser(ALICE).withType("sepft"), false, 0, 10);
        assertThat(alice.entries().map(e -> e.event().at())).containsExactly(T0, T0.plusSeconds(3));

        LogPage window = log.reader().search(LogFilter.ALL.withClient(APP).withSince(T0.plusSeconds(1))
                .withUntil(T0.plusSeconds(3)), false, 0, 10);
        assertThat(window.entries().map(LogEntry::type)).containsExactly("fp", "sepft");
        assertThat(log.reader().search(LogFilter.ALL.withClient(new ClientId("other")), true, 0, 10).total()).isZero();
    }

    @Test
    public void pagesThroughASearchAndAnswersAnEmptyPagePastTheEnd() {
        for (int i = 0; i < 5; i++) {
            log.writer().record(event(T0.plusSeconds(i), "login.success", Option.of(ALICE)));
        }

        LogPage second = log.reader().search(LogFilter.ALL, false, 2, 2);
        assertThat(second.entries().map(e -> e.event().at())).containsExactly(T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(second.total()).isEqualTo(5);
        assertThat(log.reader().search(LogFilter.ALL, false, 10, 2).entries()).isEmpty();
        assertThat(log.reader().search(LogFilter.ALL, false, 10, 2).total()).isEqualTo(5);
    }

    @Test
    public void readsOnFromACheckpointOldestFirstAndStopsAtUnsettledEntries() {
        for (int i = 0; i < 5; i++) {
            log.writer().record(event(T0.plusSeconds(i), "login.success", Option.of(ALICE)));
        }
        List<LogEntry> first = log.reader().after(Option.none(), 2, FAR);
        List<LogEntry> next = log.reader().after(Option.of(first.last().id()), 2, FAR);

        assertThat(first.appendAll(next).map(e -> e.event().at()))
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(log.reader().after(Option.of(next.last().id()), 10, T0.plusSeconds(4))).isEmpty();
        assertThat(log.reader().after(Option.of(next.last().id()), 10, FAR)).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    public void checkpointsSeeEveryEntryOnceWhileEntriesAreWritten() throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> seen = new HashSet<>();
        Thread reader;
        Option<LogId>[] cursor = new Option[]{Option.none()};
        try (Race race = new Race(8)) {
            reader = new Thread(() -> {
                while (writing.get()) {
                    readOn(cursor, seen, Instant.now().minusSeconds(1));
                }
            });
            reader.start();
            race.run(thread -> {
                for (int i = 0; i < 25; i++) {
                    log.writer().record(event(Instant.now(), "login.success", Option.of(new UserId("user-" + thread))));
                }
                return thread;
            });
            writing.set(false);
            reader.join();
        }
        int before = seen.size();
        List<String> rest = readOn(cursor, seen, FAR);
        assertThat(rest.size() + before).isEqualTo(8 * 25);
        assertThat(seen).hasSize(8 * 25);
    }

    /** Reads on from the cursor until nothing settled is left; the ids read, each added to {@code seen} once. */
    private List<String> readOn(Option<LogId>[] cursor, Set<String> seen, Instant settledBefore) {
        List<String> read = List.empty();
        List<LogEntry> page;
        do {
            page = log.reader().after(cursor[0], 7, settledBefore);
            for (LogEntry entry : page) {
                assertThat(seen.add(entry.id().value())).as("seen once: %s", entry.id()).isTrue();
                read = read.append(entry.id().value());
                cursor[0] = Option.of(entry.id());
            }
        } while (page.nonEmpty());
        return read;
    }
}
