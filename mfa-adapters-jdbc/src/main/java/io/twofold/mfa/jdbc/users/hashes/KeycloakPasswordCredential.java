package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.collection.List;
import io.vavr.collection.Map;

/**
 * A Keycloak {@code password} credential of a realm export, for {@link KeycloakPasswordHashes#fromCredential}:
 * {@code value} and {@code salt} from its {@code secretData} (base64), the rest from its
 * {@code credentialData}. {@code toString} never shows the value or the salt.
 *
 * @param algorithm {@code argon2}, {@code pbkdf2-sha256}, {@code pbkdf2-sha512} or {@code pbkdf2} (SHA-1)
 * @param additionalParameters for argon2: {@code type}, {@code version}, {@code memory}, {@code parallelism},
 *                             {@code hashLength}, each a list of one string as Keycloak writes them
 */
public record KeycloakPasswordCredential(String algorithm, int hashIterations, String value, String salt,
                                         Map<String, List<String>> additionalParameters) {
    @Override
    public String toString() {
        return "KeycloakPasswordCredential[algorithm=" + algorithm + ", hashIterations=" + hashIterations
                + ", <redacted>, additionalParameters=" + additionalParameters + "]";
    }
}
