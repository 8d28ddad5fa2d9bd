package io.twofold.mfa.model;

import io.twofold.mfa.policy.BuiltInApis;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceServerTest {

    private static ResourceServer api(SigningAlgorithm alg, boolean system) {
        return new ResourceServer("a1", "urn:api", "API", List.empty(), Duration.ofHours(1), false, alg, system);
    }

    @Test
    void aRegisteredApiSignsWithTheAlgorithmItChose() {
        assertThat(api(SigningAlgorithm.ES256, false).signingAlgorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(api(SigningAlgorithm.RS256, false).signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
    }

    @Test
    void aBuiltInApiSignsRS256Only() {
        assertThat(BuiltInApis.mfa("https://t/mfa/").signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(BuiltInApis.management("https://t/api/v2/").signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThatThrownBy(() -> api(SigningAlgorithm.ES256, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsRS256AndES256ByTheirJoseNamesAndNothingElse() {
        assertThat(SigningAlgorithm.byName("ES256")).containsExactly(SigningAlgorithm.ES256);
        assertThat(SigningAlgorithm.byName("RS256")).containsExactly(SigningAlgorithm.RS256);
        assertThat(SigningAlgorithm.byName("HS256")).isEmpty();
        assertThat(SigningAlgorithm.byName("none")).isEmpty();
        assertThat(SigningAlgorithm.byName("es256")).isEmpty();
        assertThat(SigningAlgorithm.allowedNames()).isEqualTo("RS256 or ES256");
    }
}
