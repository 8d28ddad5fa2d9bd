package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.JWK;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.SigningKey;

import java.time.Instant;
import java.util.Base64;

/** New signing keys as the store keeps them: RSA 2048 for RS256, P-256 for ES256, each with a random kid. */
final class FreshKeys {

    private FreshKeys() {
    }

    static SigningKey generate(SigningAlgorithm algorithm, RandomSource random, Instant now) {
        JWK fresh = algorithm == SigningAlgorithm.ES256
                ? EcKeys.generate(randomKeyId(random))
                : RsaKeys.generate(randomKeyId(random));
        return new SigningKey(fresh.getKeyID(), algorithm, fresh.toJSONString(), now);
    }

    /** 96 random bits, base64url: kids of keys generated apart never collide. */
    static String randomKeyId(RandomSource random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
