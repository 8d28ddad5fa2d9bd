package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.RSAKey;

/** RSA keys generated once per test run: key generation is the slow part of these tests. */
final class TestKeys {
    static final RSAKey PRIMARY = RsaKeys.generate("test-key-1");
    static final RSAKey OTHER = RsaKeys.generate("test-key-2");

    private TestKeys() {
    }
}
