package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * Keycloak's stored password credentials (a {@code kc.sh export}) to a {@link StoredHash}: Argon2 as
 * a PHC string, PBKDF2 in Auth0's PHC form. A refusal names fields, never the hash or salt.
 */
public final class KeycloakPasswordHashes {
    private KeycloakPasswordHashes() {
    }

    public static Either<String, StoredHash> fromCredential(KeycloakPasswordCredential credential) {
        if (credential == null || credential.algorithm() == null || credential.value() == null || credential.salt() == null) {
            return Either.left("a Keycloak password credential needs an algorithm, a value and a salt");
        }
        Option<byte[]> hash = Encodings.base64(credential.value());
        Option<byte[]> salt = Encodings.base64(credential.salt());
        if (hash.isEmpty() || salt.isEmpty()) {
            return Either.left("the Keycloak credential's secretData value or salt is not base64");
        }
        Either<String, String> encoded;
        switch (credential.algorithm().toLowerCase(Locale.ROOT)) {
            case "argon2":
                encoded = argon2(credential, salt.get(), hash.get());
                break;
            case "pbkdf2":
            case "pbkdf2-sha1":
                encoded = Either.right(Pbkdf2Hash.encode("sha1", credential.hashIterations(), salt.get(), hash.get()));
                break;
            case "pbkdf2-sha256":
                encoded = Either.right(Pbkdf2Hash.encode("sha256", credential.hashIterations(), salt.get(), hash.get()));
                break;
            case "pbkdf2-sha512":
                encoded = Either.right(Pbkdf2Hash.encode("sha512", credential.hashIterations(), salt.get(), hash.get()));
                break;
            default:
                encoded = Either.left("Keycloak password algorithm must be argon2, pbkdf2, pbkdf2-sha256 or pbkdf2-sha512");
        }
        return encoded.flatMap(StoredHash::parse).mapLeft(reason -> "Keycloak credential: " + reason);
    }

    /** Keycloak's defaults are those of its Argon2 provider: Argon2id 1.3, 7168 KiB, 1 lane, 32 bytes. */
    private static Either<String, String> argon2(KeycloakPasswordCredential credential, byte[] salt, byte[] hash) {
        String type = parameter(credential, "type", "id");
        String version = parameter(credential, "version", "1.3");
        String hashLength = parameter(credential, "hashLength", String.valueOf(hash.length));
        if (!type.equals("id") && !type.equals("i") && !type.equals("d")) {
            return Either.left("argon2 type must be id, i or d");
        }
        if (!version.equals("1.3") && !version.equals("1.0")) {
            return Either.left("argon2 version must be 1.3 or 1.0");
        }
        if (!hashLength.equals(String.valueOf(hash.length))) {
            return Either.left("argon2 hashLength does not match the hash");
        }
        return Either.right("$argon2" + type + "$v=" + (version.equals("1.3") ? 19 : 16)
                + "$m=" + parameter(credential, "memory", "7168") + ",t=" + credential.hashIterations()
                + ",p=" + parameter(credential, "parallelism", "1")
                + "$" + Encodings.toBase64(salt) + "$" + Encodings.toBase64(hash));
    }

    private static String parameter(KeycloakPasswordCredential credential, String name, String fallback) {
        return Option.of(credential.additionalParameters())
                .flatMap(parameters -> parameters.get(name))
                .flatMap(values -> values.headOption())
                .getOrElse(fallback)
                .strip();
    }
}
