package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Password hashes made by other implementations ({@code make-hashes.sh}: htpasswd, the argon2 tool,
 * OpenSSL, Python), each as an Auth0 users file gives it and put through {@link Auth0PasswordHashes}.
 */
public final class HashFixtures {
    /** One line of the file: a name, the password, and what the converter made of the Auth0 fields. */
    public record Fixture(String name, String password, String algorithm, Either<String, StoredHash> stored) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HashFixtures() {
    }

    /** The committed fixtures, {@code hashes/hashes.tsv}. */
    public static List<Fixture> committed() {
        try (var in = Objects.requireNonNull(HashFixtures.class.getResourceAsStream("/hashes/hashes.tsv"))) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the script just made. */
    public static List<Fixture> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static List<Fixture> parse(String text) {
        return List.of(text.split("\n")).filter(line -> !line.isBlank()).map(line -> {
            String[] f = line.split("\t", -1);
            if (f.length != 12) {
                throw new IllegalArgumentException("a fixture line has 12 fields: " + f[0]);
            }
            return new Fixture(f[0], f[1], f[2], convert(f));
        });
    }

    private static Either<String, StoredHash> convert(String[] f) {
        if (f[2].equals("password_hash")) {
            return Auth0PasswordHashes.fromPasswordHash(f[3]);
        }
        Option<CustomPasswordHash.Key> key = opt(f[6]).map(value -> new CustomPasswordHash.Key(value, opt(f[7])));
        Option<CustomPasswordHash.Salt> salt = opt(f[8]).map(value -> new CustomPasswordHash.Salt(value, opt(f[9]), opt(f[10])));
        CustomPasswordHash.Hash hash = new CustomPasswordHash.Hash(f[3], opt(f[4]), opt(f[5]), key);
        return Auth0PasswordHashes.fromCustomPasswordHash(new CustomPasswordHash(f[2], hash, salt, opt(f[11])));
    }

    private static Option<String> opt(String field) {
        return field.equals("-") ? Option.none() : Option.some(field);
    }
}
