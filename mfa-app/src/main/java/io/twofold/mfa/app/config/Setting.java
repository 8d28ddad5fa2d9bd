package io.twofold.mfa.app.config;

/**
 * One configuration input: the environment variable an operator sets, and the property it lands on
 * in {@code application.yml} (which tests may set directly).
 */
public enum Setting {
    SERVER_PORT("MICRONAUT_SERVER_PORT", "micronaut.server.port"),
    TLS_CERT_FILE("MFA_TLS_CERT_FILE", "twofold.tls.cert-file"),
    TLS_KEY_FILE("MFA_TLS_KEY_FILE", "twofold.tls.key-file"),
    ISSUER("MFA_ISSUER", "twofold.issuer"),
    TENANT_NAME("MFA_TENANT_NAME", "twofold.tenant-name"),
    DATA_DIR("MFA_DATA_DIR", "twofold.data-dir"),
    DB_URL("MFA_DB_URL", "twofold.db.url"),
    DB_USER("MFA_DB_USER", "twofold.db.user"),
    DB_PASSWORD("MFA_DB_PASSWORD", "twofold.db.password"),
    DB_POOL_SIZE("MFA_DB_POOL_SIZE", "twofold.db.pool-size"),
    DB_POOL_TIMEOUT("MFA_DB_POOL_TIMEOUT", "twofold.db.pool-timeout"),
    DB_CONNECT_TIMEOUT("MFA_DB_CONNECT_TIMEOUT", "twofold.db.connect-timeout"),
    DB_STATEMENT_TIMEOUT("MFA_DB_STATEMENT_TIMEOUT", "twofold.db.statement-timeout"),
    SECRET_KEY("MFA_SECRET_KEY", "twofold.secret-key"),
    SECRET_KEY_ID("MFA_SECRET_KEY_ID", "twofold.secret-key-id"),
    SECRET_KEY_PREVIOUS("MFA_SECRET_KEY_PREVIOUS", "twofold.secret-key-previous"),
    SIGNING_KEY("MFA_SIGNING_KEY", "twofold.signing-key"),
    SIGNING_KEY_REFRESH("MFA_SIGNING_KEY_REFRESH", "twofold.signing-key-refresh"),
    RSA_PROVIDER("MFA_RSA_PROVIDER", "twofold.rsa-provider"),
    SMS_WEBHOOK_URL("MFA_SMS_WEBHOOK_URL", "twofold.sms-webhook.url"),
    SMS_WEBHOOK_SECRET("MFA_SMS_WEBHOOK_SECRET", "twofold.sms-webhook.secret"),
    SMS_WEBHOOK_TIMEOUT("MFA_SMS_WEBHOOK_TIMEOUT", "twofold.sms-webhook.timeout"),
    ALLOW_INSECURE_WEBHOOK("MFA_ALLOW_INSECURE_WEBHOOK", "twofold.sms-webhook.allow-insecure"),
    SMS_SENDER("MFA_SMS_SENDER", "twofold.senders.sms"),
    VOICE_SENDER("MFA_VOICE_SENDER", "twofold.senders.voice"),
    EMAIL_SENDER("MFA_EMAIL_SENDER", "twofold.senders.email"),
    SMTP_HOST("MFA_SMTP_HOST", "twofold.smtp.host"),
    SMTP_PORT("MFA_SMTP_PORT", "twofold.smtp.port"),
    SMTP_USERNAME("MFA_SMTP_USERNAME", "twofold.smtp.username"),
    SMTP_PASSWORD("MFA_SMTP_PASSWORD", "twofold.smtp.password"),
    SMTP_FROM("MFA_SMTP_FROM", "twofold.smtp.from"),
    SMTP_STARTTLS("MFA_SMTP_STARTTLS", "twofold.smtp.starttls"),
    SMTP_TLS("MFA_SMTP_TLS", "twofold.smtp.tls"),
    SMTP_TIMEOUT("MFA_SMTP_TIMEOUT", "twofold.smtp.timeout"),
    SMTP_TRUST_CA_FILE("MFA_SMTP_TRUST_CA_FILE", "twofold.smtp.trust-ca-file"),
    IDLE_TIMEOUT("MFA_IDLE_TIMEOUT", "twofold.server.idle-timeout"),
    SHUTDOWN_GRACE("MFA_SHUTDOWN_GRACE", "twofold.server.shutdown-grace"),
    BOOTSTRAP_FILE("MFA_BOOTSTRAP_FILE", "twofold.bootstrap-file"),
    SEND_LIMIT_ENROLL_PER_USER("MFA_SEND_LIMIT_ENROLL_PER_USER", "twofold.send-limits.enroll-per-user"),
    SEND_LIMIT_PER_DESTINATION("MFA_SEND_LIMIT_PER_DESTINATION", "twofold.send-limits.per-destination"),
    SEND_LIMIT_PER_IP("MFA_SEND_LIMIT_PER_IP", "twofold.send-limits.per-ip"),
    SEND_LIMIT_GLOBAL("MFA_SEND_LIMIT_GLOBAL", "twofold.send-limits.global"),
    SMS_ALLOWED_COUNTRIES("MFA_SMS_ALLOWED_COUNTRIES", "twofold.send-limits.sms-allowed-countries"),
    LOG_FORMAT("MFA_LOG_FORMAT", "twofold.log-format"),
    MANAGEMENT_RATE_LIMIT("MFA_MANAGEMENT_RATE_LIMIT", "twofold.management.rate-limit"),
    MANAGEMENT_TOKEN_LIFETIME("MFA_MANAGEMENT_TOKEN_LIFETIME", "twofold.management.token-lifetime");

    private final String envVar;
    private final String property;

    Setting(String envVar, String property) {
        this.envVar = envVar;
        this.property = property;
    }

    public String envVar() {
        return envVar;
    }

    public String property() {
        return property;
    }
}
