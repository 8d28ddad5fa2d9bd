package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/** Makes and checks the EC P-256 key that signs ES256 access tokens (RFC 7518 section 3.4). */
final class EcKeys {

    private EcKeys() {
    }

    /** A fresh P-256 ES256 signing key with the given key id. */
    static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("the platform cannot generate a P-256 key", e);
        }
    }

    /** A private P-256 key with a kid; ES256 is P-256 and SHA-256 only, so no other curve may sign it. */
    static ECKey requireUsableSigningKey(ECKey key) {
        if (key == null || !key.isPrivate()) {
            throw new IllegalArgumentException("the ES256 signing key must be an EC private key");
        }
        if (!Curve.P_256.equals(key.getCurve())) {
            throw new IllegalArgumentException("the ES256 signing key must be on the P-256 curve");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException("the signing key needs a key id (kid)");
        }
        return key;
    }
}
