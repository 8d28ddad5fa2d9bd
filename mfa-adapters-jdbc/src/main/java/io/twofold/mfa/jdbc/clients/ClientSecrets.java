package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.model.Client;
import io.vavr.control.Option;

/**
 * The rule for client secrets: a confidential client has one of at least 32 characters drawn from
 * at least 10 distinct characters (a random string, not a word repeated), because it is stored as
 * a plain SHA-256. A public client has none. Messages name the client, never the secret.
 */
final class ClientSecrets {
    static final int MIN_LENGTH = 32;
    static final int MIN_DISTINCT = 10;

    private ClientSecrets() {
    }

    static void check(Client client, Option<String> secret) {
        if (!client.confidential()) {
            if (secret.isDefined()) {
                throw new IllegalArgumentException("client " + client.id() + " is public and takes no secret");
            }
            return;
        }
        String value = secret.getOrElseThrow(() ->
                new IllegalArgumentException("client " + client.id() + " is confidential and needs a secret"));
        if (value.length() < MIN_LENGTH || value.chars().distinct().count() < MIN_DISTINCT) {
            throw new IllegalArgumentException("the secret of client " + client.id() + " must be at least "
                    + MIN_LENGTH + " random characters (a high-entropy value, for example 32 random bytes in base64)");
        }
    }
}
