package io.twofold.mfa.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dialect read from the url decides whether a completion and its audit row go in one statement. */
class DialectTest {
    @Test
    void aPostgresUrlMayUpdateInsideWith() {
        assertThat(Dialect.of("jdbc:postgresql://127.0.0.1:5432/test")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.POSTGRESQL.writableWith()).isTrue();
    }

    @Test
    void anH2UrlInPostgresModeMayNot() {
        assertThat(Dialect.of("jdbc:h2:mem:dialect" + JdbcStorage.H2_OPTIONS)).isEqualTo(Dialect.H2);
        assertThat(Dialect.H2.writableWith()).isFalse();
    }

    @Test
    void refusesAnH2UrlWithoutPostgresMode() {
        assertThatThrownBy(() -> Dialect.of("jdbc:h2:mem:dialect"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JdbcStorage.H2_OPTIONS);
    }
}
