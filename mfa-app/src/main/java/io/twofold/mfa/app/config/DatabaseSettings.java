package io.twofold.mfa.app.config;

import io.twofold.mfa.secret.Redaction;

/**
 * Where the data lives. {@code embedded} is true when no {@code MFA_DB_URL} was given and the
 * server made up an H2 file database under the data directory itself.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, boolean embedded) {
    @Override
    public String toString() {
        return "DatabaseSettings[" + Redaction.url(url) + ", user=" + user + ", password=***, poolSize=" + poolSize
                + ", embedded=" + embedded + "]";
    }
}
