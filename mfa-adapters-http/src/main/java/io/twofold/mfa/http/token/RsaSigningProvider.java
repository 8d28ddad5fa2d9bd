package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.vavr.control.Either;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The JCA provider that signs RS256 tokens: the Amazon Corretto Crypto Provider (native AWS-LC, about
 * three times faster than the JDK) when it loads and passes its self-tests, else the JDK's own.
 * ACCP is used explicitly for this one job and never installed in {@link Security}, so nothing else
 * in the JVM changes provider.
 */
public final class RsaSigningProvider {
    private static final String JDK_RSA_PROVIDER = "SunRsaSign";

    /** How to choose: ACCP when it is healthy ({@code AUTO}), or always the JDK ({@code JDK}). */
    public enum Mode { AUTO, JDK }

    private final Provider provider;
    private final boolean accp;
    private final String description;

    RsaSigningProvider(Provider provider, boolean accp, String description) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.accp = accp;
        this.description = Objects.requireNonNull(description, "description");
    }

    public static RsaSigningProvider choose(Mode mode) {
        return choose(mode, AccpLoader::load);
    }

    static RsaSigningProvider choose(Mode mode, Supplier<Either<String, RsaSigningProvider>> accp) {
        if (Objects.requireNonNull(mode, "mode") == Mode.JDK) {
            return jdk("chosen explicitly; ACCP not tried");
        }
        return accp.get().fold(reason -> jdk("ACCP unavailable: " + reason), chosen -> chosen);
    }

    /**
     * SunRsaSign by name rather than whatever provider ranks first, so JDK mode stays on the JDK even
     * when a host has installed another provider in front of it. A JVM without SunRsaSign gets its
     * default provider for SHA256withRSA.
     */
    private static RsaSigningProvider jdk(String why) {
        Provider provider = Security.getProvider(JDK_RSA_PROVIDER);
        if (provider == null) {
            try {
                provider = Signature.getInstance("SHA256withRSA").getProvider();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM offers no SHA256withRSA signature", e);
            }
        }
        return new RsaSigningProvider(provider, false, "JDK " + provider.getName() + " (" + why + ")");
    }

    /** The provider every RS256 signature is made with. */
    public Provider provider() {
        return provider;
    }

    /** True when the native ACCP signs. */
    public boolean usesAccp() {
        return accp;
    }

    /** One line for the start-up log: which provider, and why the JDK when it is the JDK. Holds no key material. */
    public String description() {
        return description;
    }

    /**
     * The signing key in this provider's own form. Translated once here: handed a JDK key, ACCP would
     * import it again on every signature, which costs as much as the JDK signing it.
     */
    PrivateKey privateKey(RSAKey key) {
        try {
            Key translated = KeyFactory.getInstance("RSA", provider).translateKey(key.toPrivateKey());
            if (!(translated instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("the signing key did not translate to a private key");
            }
            return privateKey;
        } catch (JOSEException | GeneralSecurityException e) {
            // The cause's message may describe the key; keep only what failed.
            throw new IllegalArgumentException("the signing key cannot be loaded into " + provider.getName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "RsaSigningProvider[" + description + "]";
    }
}
