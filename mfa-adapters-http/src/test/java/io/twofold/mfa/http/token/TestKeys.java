package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;

/** Keys generated once per test run: key generation is the slow part of these tests. */
final class TestKeys {
    static final RSAKey PRIMARY = RsaKeys.generate("test-key-1");
    static final RSAKey OTHER = RsaKeys.generate("test-key-2");
    static final ECKey EC = EcKeys.generate("test-ec-1");
    static final ECKey OTHER_EC = EcKeys.generate("test-ec-2");

    private TestKeys() {
    }
}
