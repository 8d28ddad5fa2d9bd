package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
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
 * The JCA providers that sign tokens: the Amazon Corretto Crypto Provider (native AWS-LC, about three
 * times faster than the JDK for RS256, and faster for ES256 too) when it loads and passes its
 * self-tests, else the JDK's own (SunRsaSign for RS256, SunEC for ES256). ACCP is used explicitly for
 * this one job and never installed in {@link Security}, so nothing else in the JVM changes provider.
 * The name stays from when it signed RS256 alone, like the setting that chooses it (MFA_RSA_PROVIDER).
 */
public final class RsaSigningProvider {
    private static final String JDK_RSA_PROVIDER = "SunRsaSign";
    private static final String JDK_EC_PROVIDER = "SunEC";

    /** How to choose: ACCP when it is healthy ({@code AUTO}), or always the JDK ({@code JDK}). */
    public enum Mode { AUTO, JDK }

    private final Provider provider;
    private final Provider ecProvider;
    private final boolean accp;
    private final String description;

    /** ACCP: one provider for both algorithms. */
    RsaSigningProvider(Provider provider, boolean accp, String description) {
        this(provider, provider, accp, description);
    }

    private RsaSigningProvider(Provider provider, Provider ecProvider, boolean accp, String description) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ecProvider = Objects.requireNonNull(ecProvider, "ecProvider");
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
        Provider provider = jdkProvider(JDK_RSA_PROVIDER, "SHA256withRSA");
        Provider ecProvider = jdkProvider(JDK_EC_PROVIDER, "SHA256withECDSA");
        return new RsaSigningProvider(provider, ecProvider, false,
                "JDK " + provider.getName() + " and " + ecProvider.getName() + " (" + why + ")");
    }

    private static Provider jdkProvider(String name, String signature) {
        Provider provider = Security.getProvider(name);
        if (provider != null) {
            return provider;
        }
        try {
            return Signature.getInstance(signature).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no " + signature + " signature", e);
        }
    }

    /** The provider every RS256 signature is made with. */
    public Provider provider() {
        return provider;
    }

    /** The provider every ES256 signature is made with: ACCP when it signs RS256, else SunEC. */
    public Provider ecProvider() {
        return ecProvider;
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
            return translated("RSA", provider, key.toPrivateKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key cannot be loaded into " + provider.getName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The ES256 signing key in {@link #ecProvider()}'s own form, translated once for the same reason. */
    PrivateKey privateKey(ECKey key) {
        try {
            return translated("EC", ecProvider, key.toPrivateKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key cannot be loaded into " + ecProvider.getName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PrivateKey translated(String type, Provider provider, PrivateKey key) {
        try {
            Key translated = KeyFactory.getInstance(type, provider).translateKey(key);
            if (!(translated instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("the signing key did not translate to a private key");
            }
            return privateKey;
        } catch (GeneralSecurityException e) {
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
