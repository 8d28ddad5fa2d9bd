package io.twofold.mfa.app.config;

import io.twofold.mfa.app.bootstrap.BootstrapFile;
import io.twofold.mfa.http.token.JwtSettings;
import io.twofold.mfa.http.token.KeyRefresh;
import io.twofold.mfa.http.token.RsaSigningProvider;
import io.twofold.mfa.policy.SendLimits;
import io.twofold.mfa.secret.Redaction;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting the server reads at start-up, checked. Built by {@link ConfigurationReader} from the
 * {@code MFA_*} environment variables (through {@code application.yml}).
 */
public record TwofoldConfiguration(
        int port,
        Option<TlsSettings> tls,
        String issuer,
        String tenantName,
        Path dataDir,
        DatabaseSettings database,
        Option<SealingKeySetting> sealingKey,
        Option<String> signingKeyJwk,
        RsaSigningProvider.Mode rsaProvider,
        DeliverySettings delivery,
        Duration idleTimeout,
        Duration shutdownGrace,
        Duration managementTokenLifetime,
        SendLimits sendLimits,
        Option<BootstrapFile> bootstrap,
        Duration signingKeyRefresh) {

    /**
     * How this node follows the signing keys in the database: re-read every {@link #signingKeyRefresh},
     * a retired key kept as long as the longest token it can have signed lives (access and ID tokens at
     * Auth0's defaults, Management API tokens at {@link #managementTokenLifetime}), plus a margin.
     */
    public KeyRefresh keyRefresh() {
        return new KeyRefresh(signingKeyRefresh, KeyRefresh.retentionFor(JwtSettings.DEFAULT_ACCESS_TOKEN_LIFETIME,
                JwtSettings.DEFAULT_ID_TOKEN_LIFETIME, managementTokenLifetime));
    }

    @Override
    public String toString() {
        return "TwofoldConfiguration[port=" + port + ", tls=" + tls.map(TlsSettings::toString).getOrElse("off")
                + ", issuer=" + Redaction.url(issuer) + ", tenantName=" + tenantName
                + ", dataDir=" + dataDir + ", " + database + ", sealingKey=" + sealingKey.map(SealingKeySetting::keyId)
                + ", signingKey=" + (signingKeyJwk.isDefined() ? "configured" : "stored")
                + ", rsaProvider=" + rsaProvider
                + ", " + delivery + ", idleTimeout=" + idleTimeout + ", shutdownGrace=" + shutdownGrace
                + ", managementTokenLifetime=" + managementTokenLifetime + ", " + sendLimits
                + ", bootstrap=" + bootstrap.isDefined() + ", signingKeyRefresh=" + signingKeyRefresh + "]";
    }
}
