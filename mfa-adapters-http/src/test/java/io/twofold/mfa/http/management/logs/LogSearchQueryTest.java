package io.twofold.mfa.http.management.logs;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LogSearchQueryTest {

    private static LogFilter parsed(String q) {
        return LogSearchQuery.parse(q).get();
    }

    @Test
    void readsTermsJoinedByAndOrSpacesBareOrQuoted() {
        assertThat(parsed("type:gd_auth_succeed AND user_id:\"auth0|abc\"  client_id:app")).isEqualTo(LogFilter.ALL
                .withType("gd_auth_succeed").withUser(new UserId("auth0|abc")).withClient(new ClientId("app")));
        assertThat(parsed("type:\"s\\\"x\"")).isEqualTo(LogFilter.ALL.withType("s\"x"));
        assertThat(parsed(null)).isEqualTo(LogFilter.ALL);
        assertThat(parsed("  ")).isEqualTo(LogFilter.ALL);
    }

    @Test
    void readsDateRangesBoundsAndDays() {
        Instant jan1 = Instant.parse("2024-01-01T00:00:00Z");
        Instant feb1 = Instant.parse("2024-02-01T00:00:00Z");
        assertThat(parsed("date:[2024-01-01 TO 2024-01-31]")).isEqualTo(LogFilter.ALL.withSince(jan1).withUntil(feb1));
        assertThat(parsed("date:{2023-12-31 TO 2024-02-01}")).isEqualTo(LogFilter.ALL.withSince(jan1).withUntil(feb1));
        assertThat(parsed("date:[2024-01-01T00:00:00Z TO *]")).isEqualTo(LogFilter.ALL.withSince(jan1));
        assertThat(parsed("date:>=2024-01-01 AND date:<2024-02-01")).isEqualTo(LogFilter.ALL.withSince(jan1).withUntil(feb1));
        assertThat(parsed("date:2024-01-01")).isEqualTo(LogFilter.ALL.withSince(jan1).withUntil(jan1.plusSeconds(86_400)));
    }

    @Test
    void refusesWhatItDoesNotAnswer() {
        for (String q : new String[]{"color:blue", "type:a OR type:b", "NOT type:a", "type:a AND type:b", "type:gd_*",
                "type:\"open", "date:[2024-01-01 TO]", "date:[tomorrow TO *]", "date:>=2024-01-01 AND date:>2024-02-01",
                "just words", "type:"}) {
            assertThat(LogSearchQuery.parse(q).isLeft()).as(q).isTrue();
            assertThat(LogSearchQuery.parse(q).getLeft().errorCode()).as(q).contains("invalid_query_string");
        }
    }
}
