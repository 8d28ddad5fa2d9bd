package io.twofold.mfa.jdbc.users.hashes;

import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Auth0's password fields: what each algorithm accepts, and a clear refusal, free of secrets, for the rest. */
class Auth0PasswordHashesTest {
    private static final String SHA256_HEX = "f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7";
    private static final String BCRYPT = "$2b$10$sMurq8/BPg0C8sYIINTlneggxkRVzmE0vCFW2KFiXAabilFbtUlke";

    @Test
    void takesAuth0sDocumentedPbkdf2ExampleAndTheArgon2ReferenceVector() {
        String pbkdf2 = "$pbkdf2-sha512$i=100000,l=64$KNyFsA2rWoE$I2CQGI9H0JxdDf3kERRI97kPCGxh0KWBIV3MxyaS191gDGfzVBGyS4Bibh"
                + "gqWQ0/ails8mHuU9ckASxHOOq58w";
        String argon2 = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(custom("pbkdf2", pbkdf2, "utf8").map(StoredHash::scheme)).containsExactly("pbkdf2-sha512");
        StoredHash reference = custom("argon2", argon2, "utf8").get();
        assertThat(reference.matches("password")).isTrue();
        assertThat(reference.matches("Password")).isFalse();
    }

    @Test
    void infersAMissingHashEncodingFromTheDigestsLength() {
        CustomPasswordHash hex = CustomPasswordHash.of("sha256", new CustomPasswordHash.Hash(SHA256_HEX, Option.none(),
                Option.none(), Option.none()));
        CustomPasswordHash base64 = CustomPasswordHash.of("sha256", new CustomPasswordHash.Hash(
                "9S+9MrKzuG/4jvbEkGKChfSCrxXdyylUH5S89Saj9sc=", Option.none(), Option.none(), Option.none()));

        assertThat(Auth0PasswordHashes.fromCustomPasswordHash(hex).get().matches("hunter2")).isTrue();
        assertThat(Auth0PasswordHashes.fromCustomPasswordHash(base64).get().matches("hunter2")).isTrue();
    }

    @Test
    void refusesAnUnknownAlgorithm() {
        assertRefused(custom("crc32", SHA256_HEX, "hex"), "algorithm must be one of");
        assertRefused(custom("md4x", SHA256_HEX, "hex"), "algorithm must be one of");
    }

    @Test
    void refusesAnEncodingTheAlgorithmDoesNotTake() {
        assertRefused(custom("sha256", SHA256_HEX, "utf8"), "hash.encoding must be hex or base64");
        assertRefused(custom("sha256", SHA256_HEX, "rot13"), "hash.encoding must be hex or base64");
        assertRefused(custom("bcrypt", BCRYPT, "base64"), "hash.encoding must be utf8");
        assertRefused(custom("argon2", "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g", "hex"), "must be utf8");
    }

    @Test
    void refusesValuesThatDoNotDecodeOrAreNotADigest() {
        assertRefused(custom("sha256", SHA256_HEX.replace('6', 'g'), "hex"), "is not hex");
        assertRefused(custom("sha256", "!!not*base64!!", "base64"), "is not base64");
        assertRefused(custom("sha256", SHA256_HEX.substring(2), "hex"), "is not a sha256 digest");
        assertRefused(custom("md5", SHA256_HEX, "hex"), "is not a md5 digest");
    }

    @Test
    void refusesSchemeStringsThatAreMalformedOrOutOfBounds() {
        assertRefused(custom("bcrypt", "$2x$10$" + BCRYPT.substring(7), "utf8"), "bcrypt");
        assertRefused(custom("bcrypt", BCRYPT.replace("$10$", "$31$"), "utf8"), "cost must be between 4 and 16");
        assertRefused(custom("bcrypt", "not-bcrypt", "utf8"), "must be a $2a$/$2b$ bcrypt string");
        assertRefused(custom("argon2", "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g", "utf8"),
                "parameter m must be between");
        assertRefused(custom("argon2", "$argon2id$v=19$m=64,t=1,p=1,keyid=abc$c29tZXNhbHQ$aGFzaGhhc2g", "utf8"),
                "unsupported parameter keyid");
        assertRefused(custom("argon2", "$argon2id$v=18$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g", "utf8"), "version");
        assertRefused(custom("pbkdf2", "$pbkdf2-sha256$i=1000,l=16$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo", "utf8"),
                "l says 16 bytes");
        assertRefused(custom("pbkdf2", "$pbkdf2-sha999$i=1000$c2FsdHNhbHQ$aGFzaGhhc2g", "utf8"), "unknown digest");
        assertRefused(custom("scrypt", "$scrypt$ln=30,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", "utf8"), "ln must be between");
        assertRefused(custom("ldap", "{CRYPT}abcdefgh", "utf8"), "ldap: not");
        assertRefused(custom("ldap", "{SSHA}" + "AAAA", "utf8"), "not base64 of a sha1 digest and a salt");
        assertRefused(Auth0PasswordHashes.fromPasswordHash("5f4dcc3b5aa765d61d8327deb882cf99"), "must be a bcrypt hash");
        assertRefused(Auth0PasswordHashes.fromPasswordHash(null), "must be a bcrypt hash");
    }

    @Test
    void refusesASaltDigestOrKeyWhereTheAlgorithmHasNone() {
        CustomPasswordHash.Salt salt = new CustomPasswordHash.Salt("s4lt", Option.none(), Option.none());

        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("bcrypt",
                CustomPasswordHash.hash(BCRYPT, "utf8")).withSalt(salt)), "takes no salt");
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("sha256",
                new CustomPasswordHash.Hash(SHA256_HEX, Option.some("hex"), Option.some("sha1"), Option.none()))),
                "takes no digest or key");
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("sha256",
                CustomPasswordHash.hash(SHA256_HEX, "hex")).withSalt(new CustomPasswordHash.Salt("s4lt", Option.none(),
                Option.some("middle")))), "salt.position must be prefix or suffix");
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("sha256",
                CustomPasswordHash.hash(SHA256_HEX, "hex")).withSalt(new CustomPasswordHash.Salt("zz", Option.some("hex"),
                Option.none()))), "salt is not hex");
    }

    @Test
    void refusesAnHmacWithoutDigestOrKey() {
        CustomPasswordHash noDigest = CustomPasswordHash.of("hmac", new CustomPasswordHash.Hash(
                "cg7f42jH39/2EaAU4wNd4s2lKIk=", Option.some("base64"), Option.none(),
                Option.some(new CustomPasswordHash.Key("736868", Option.some("hex")))));
        CustomPasswordHash noKey = CustomPasswordHash.of("hmac", new CustomPasswordHash.Hash(
                "cg7f42jH39/2EaAU4wNd4s2lKIk=", Option.some("base64"), Option.some("sha1"), Option.none()));
        CustomPasswordHash documented = CustomPasswordHash.of("hmac", new CustomPasswordHash.Hash(
                "cg7f42jH39/2EaAU4wNd4s2lKIk=", Option.some("base64"), Option.some("sha1"),
                Option.some(new CustomPasswordHash.Key("736868", Option.some("hex")))));

        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(noDigest), "digest is required for hmac");
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(noKey), "key.value is required for hmac");
        assertThat(Auth0PasswordHashes.fromCustomPasswordHash(documented).map(StoredHash::scheme)).containsExactly("hmac-sha1");
    }

    @Test
    void refusesAnUnknownPasswordEncoding() {
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("sha256",
                CustomPasswordHash.hash(SHA256_HEX, "hex")).withPasswordEncoding("ebcdic")), "password.encoding must be");
        assertThat(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("sha256",
                CustomPasswordHash.hash(SHA256_HEX, "hex")).withPasswordEncoding("utf8")).get().encoded())
                .as("utf8 is the default: no wrapper").startsWith("$twofold-digest$");
    }

    @Test
    void refusesMissingFieldsAndUnknownStoredForms() {
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(null), "needs an algorithm and a hash");
        assertRefused(Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of("sha256", null)), "needs an algorithm");
        assertRefused(StoredHash.parse("plain-text-password"), "no format Twofold knows");
        assertRefused(StoredHash.parse(""), "empty");
        assertRefused(StoredHash.parse("$twofold-digest$d=sha256,s=none$00$" + SHA256_HEX), "a salt goes with");
        assertRefused(StoredHash.parse("$twofold-pw$e=latin1$$twofold-pw$e=latin1$x"), "password encoding");
        assertRefused(StoredHash.parse("$2b$10$" + "a".repeat(2000)), "longer than 1024");
    }

    @Test
    void saysWhatItHoldsWithoutShowingIt() {
        CustomPasswordHash custom = CustomPasswordHash.of("hmac", new CustomPasswordHash.Hash(
                "cg7f42jH39/2EaAU4wNd4s2lKIk=", Option.some("base64"), Option.some("sha1"),
                Option.some(new CustomPasswordHash.Key("736868", Option.some("hex")))))
                .withSalt(new CustomPasswordHash.Salt("pepper-salt", Option.none(), Option.none()));

        assertThat(custom.toString()).contains("hmac", "sha1").doesNotContain("cg7f42", "736868", "pepper-salt");
        assertThat(Auth0PasswordHashes.fromCustomPasswordHash(custom).get().toString())
                .doesNotContain("cg7f42").doesNotContain("736868").doesNotContain("7065707065722d73616c74");
    }

    private static Either<String, StoredHash> custom(String algorithm, String value, String encoding) {
        return Auth0PasswordHashes.fromCustomPasswordHash(CustomPasswordHash.of(algorithm, CustomPasswordHash.hash(value, encoding)));
    }

    /** Refused with a reason that says so, and that never quotes a value it was given. */
    private static void assertRefused(Either<String, StoredHash> result, String reason) {
        assertThat(result.isLeft()).as("refused: " + result).isTrue();
        assertThat(result.getLeft()).contains(reason)
                .doesNotContain(SHA256_HEX.substring(0, 16)).doesNotContain("sMurq8").doesNotContain("c29tZXNhbHQ")
                .doesNotContain("cg7f42").doesNotContain("736868").doesNotContain("s4lt").doesNotContain("c2FsdHNhbHQ");
    }
}
