package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.jdbc.imports.ImportedAccount;
import io.twofold.mfa.jdbc.users.hashes.Auth0PasswordHashes;
import io.twofold.mfa.jdbc.users.hashes.CustomPasswordHash;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.NewFactor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One element of Auth0's users file (its bulk-import schema, {@code additionalProperties:false}).
 * A user whose {@code mfa_factors} cannot all be imported is not written at all ({@code MFA_FACTORS_FAILED}):
 * nothing half-written, where Auth0 would still apply the other changes of an upsert.
 */
final class Auth0UserReader implements UserReader {
    static final String REDACTED = "[redacted]";
    private static final Set<String> MEMBERS = Set.of("email", "email_verified", "user_id", "username", "given_name",
            "family_name", "name", "nickname", "picture", "blocked", "app_metadata", "user_metadata", "password_hash",
            "custom_password_hash", "password_set_date", "phone_number", "phone_verified", "mfa_factors");
    /** What Auth0 keeps for itself in {@code app_metadata}. */
    private static final Set<String> RESERVED_APP_METADATA = Set.of("__tenant", "_id", "blocked", "clientID",
            "created_at", "email_verified", "email", "globalClientID", "global_client_id", "identities", "lastIP",
            "lastLogin", "loginsCount", "metadata", "multifactor_last_modified", "multifactor", "updated_at", "user_id");
    static final int MAX_TEXT = 255;
    private static final int MAX_PICTURE = 2048;
    private static final Pattern USERNAME = Pattern.compile("[^\\s@|]{1,128}");
    private static final Pattern STRICT_BASE32 = Pattern.compile("[A-Z2-7]+");

    private final ObjectMapper mapper;

    Auth0UserReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Either<List<ImportError>, ImportedAccount> read(JsonNode user, String connection) {
        if (!user.isObject()) {
            return Either.left(List.of(ImportError.of(ImportError.INVALID_FORMAT, "a user is a JSON object")));
        }
        Fields f = Fields.of(user);
        f.onlyMembers(MEMBERS);
        Option<EmailAddress> email = f.text("email", raw -> EmailAddress.parse(raw).isRight(), "must be an email address")
                .map(raw -> EmailAddress.parse(raw).get());
        if (!f.has("email")) {
            f.fail("email", "email is required");
        }
        Option<UserId> id = f.text("user_id", raw -> ID.matcher(tail(raw)).matches(),
                "must be 1 to 128 printable characters without spaces or '|'").map(raw -> new UserId("auth0|" + tail(raw)));
        Option<String> username = f.text("username", raw -> USERNAME.matcher(raw).matches(),
                "must be 1 to 128 characters without spaces, '@' or '|'");
        UserProfile.Names names = new UserProfile.Names(f.text("given_name", MAX_TEXT), f.text("family_name", MAX_TEXT),
                f.text("name", MAX_TEXT), f.text("nickname", MAX_TEXT));
        Option<String> picture = f.text("picture", raw -> raw.length() <= MAX_PICTURE
                && (raw.startsWith("https://") || raw.startsWith("http://")), "must be an http(s) URL of at most "
                + MAX_PICTURE + " characters");
        Option<String> phone = f.text("phone_number", raw -> isE164(raw), "must be an E.164 phone number (+ and 7 to 15 digits)");
        Metadata userMetadata = metadata(f, "user_metadata");
        Metadata appMetadata = metadata(f, "app_metadata");
        appMetadata.values().keySet().stream().filter(RESERVED_APP_METADATA::contains)
                .forEach(key -> f.fail("app_metadata." + key, "app_metadata." + key + " is reserved"));
        Option<Instant> passwordSet = f.text("password_set_date", raw -> instant(raw).isDefined(),
                "must be an ISO 8601 date-time").flatMap(Auth0UserReader::instant);
        Option<StoredHash> hash = password(f);
        List<NewFactor> factors = factors(f);
        boolean emailVerified = f.bool("email_verified", false);
        boolean phoneVerified = f.bool("phone_verified", false);
        boolean blocked = f.bool("blocked", false);
        List<ImportError> errors = f.errors();
        if (errors.nonEmpty()) {
            return Either.left(errors);
        }
        return Either.right(new ImportedAccount(connection, id, username, email, emailVerified, phone, phoneVerified,
                names, picture, userMetadata, appMetadata, blocked, hash, f.has("custom_password_hash"), passwordSet, factors));
    }

    /** A {@code user_id} given with Auth0's prefix ({@code auth0|...}) is taken without it, so it is not doubled. */
    private static String tail(String raw) {
        return raw.startsWith("auth0|") ? raw.substring("auth0|".length()) : raw;
    }

    static boolean isE164(String raw) {
        try {
            new PhoneNumber(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Option<Instant> instant(String raw) {
        try {
            return Option.some(java.time.OffsetDateTime.parse(raw).toInstant());
        } catch (DateTimeParseException e) {
            return Option.none();
        }
    }

    @SuppressWarnings("unchecked")
    private Metadata metadata(Fields f, String name) {
        return f.object(name).map(node -> new Metadata(mapper.convertValue(node, Map.class))).getOrElse(Metadata.EMPTY);
    }

    private Option<StoredHash> password(Fields f) {
        if (f.has("password_hash") && f.has("custom_password_hash")) {
            f.fail("custom_password_hash", "password_hash and custom_password_hash are mutually exclusive");
            return Option.none();
        }
        Option<String> bcrypt = f.text("password_hash", StoredHash.MAX_LENGTH);
        if (bcrypt.isDefined()) {
            return converted(f, "password_hash", Auth0PasswordHashes.fromPasswordHash(bcrypt.get()));
        }
        return f.object("custom_password_hash").flatMap(node -> custom(f, node)
                .flatMap(custom -> converted(f, "custom_password_hash", Auth0PasswordHashes.fromCustomPasswordHash(custom))));
    }

    private static Option<StoredHash> converted(Fields f, String member, Either<String, StoredHash> hash) {
        // The converters' reasons name the scheme, never the hash.
        hash.swap().forEach(reason -> f.fail(member, member + ": " + reason));
        return hash.toOption();
    }

    private static Option<CustomPasswordHash> custom(Fields parent, JsonNode node) {
        Fields f = parent.nested(node, "custom_password_hash", ImportError.INVALID_FORMAT);
        f.onlyMembers(Set.of("algorithm", "hash", "salt", "password"));
        Option<String> algorithm = f.text("algorithm", 32);
        if (algorithm.isEmpty()) {
            f.fail("algorithm", "custom_password_hash.algorithm is required");
        }
        Option<CustomPasswordHash.Hash> hash = f.object("hash").flatMap(h -> {
            Fields hf = f.nested(h, "custom_password_hash.hash", ImportError.INVALID_FORMAT);
            hf.onlyMembers(Set.of("value", "encoding", "digest", "key"));
            Option<String> value = hf.text("value", StoredHash.MAX_LENGTH);
            Option<CustomPasswordHash.Key> key = hf.object("key").flatMap(k -> {
                Fields kf = hf.nested(k, "custom_password_hash.hash.key", ImportError.INVALID_FORMAT);
                kf.onlyMembers(Set.of("value", "encoding"));
                return kf.text("value", StoredHash.MAX_LENGTH).map(v -> new CustomPasswordHash.Key(v, kf.text("encoding", 16)));
            });
            if (value.isEmpty()) {
                hf.fail("value", "custom_password_hash.hash.value is required");
            }
            return value.map(v -> new CustomPasswordHash.Hash(v, hf.text("encoding", 16), hf.text("digest", 16), key));
        });
        if (!f.has("hash")) {
            f.fail("hash", "custom_password_hash.hash is required");
        }
        Option<CustomPasswordHash.Salt> salt = f.object("salt").flatMap(s -> {
            Fields sf = f.nested(s, "custom_password_hash.salt", ImportError.INVALID_FORMAT);
            sf.onlyMembers(Set.of("value", "encoding", "position"));
            Option<String> value = sf.text("value", raw -> raw.length() <= StoredHash.MAX_LENGTH,
                    "must be a string of at most " + StoredHash.MAX_LENGTH + " characters");
            if (value.isEmpty()) {
                sf.fail("value", "custom_password_hash.salt.value is required");
            }
            return value.map(v -> new CustomPasswordHash.Salt(v, sf.text("encoding", 16), sf.text("position", 16)));
        });
        Option<String> passwordEncoding = f.object("password").flatMap(p -> {
            Fields pf = f.nested(p, "custom_password_hash.password", ImportError.INVALID_FORMAT);
            pf.onlyMembers(Set.of("encoding"));
            return pf.text("encoding", 16);
        });
        return algorithm.flatMap(a -> hash.map(h -> new CustomPasswordHash(a, h, salt, passwordEncoding)));
    }

    /** 1 to 10 factors, each an object with exactly one of totp, phone, email. */
    private static List<NewFactor> factors(Fields f) {
        Option<JsonNode> array = f.array("mfa_factors");
        if (array.isEmpty()) {
            return List.empty();
        }
        JsonNode items = array.get();
        if (items.size() < 1 || items.size() > 10) {
            f.failWith(ImportError.MFA_FACTORS_FAILED, "mfa_factors", "mfa_factors has 1 to 10 factors");
            return List.empty();
        }
        List<NewFactor> factors = List.empty();
        for (int i = 0; i < items.size(); i++) {
            Option<NewFactor> factor = factor(f, "mfa_factors[" + i + "]", items.get(i));
            factors = factor.isDefined() ? factors.append(factor.get()) : factors;
        }
        return factors;
    }

    private static Option<NewFactor> factor(Fields f, String path, JsonNode item) {
        if (!item.isObject() || item.size() != 1) {
            f.failWith(ImportError.MFA_FACTORS_FAILED, path, path + " must be an object with exactly one of totp, phone, email");
            return Option.none();
        }
        String type = item.fieldNames().next();
        JsonNode body = item.get(type);
        String member = "totp".equals(type) ? "secret" : "value";
        if (!Set.of("totp", "phone", "email").contains(type)) {
            f.failWith(ImportError.MFA_FACTORS_FAILED, path, path + ": " + type + " factors cannot be imported (totp, phone, email can)");
            return Option.none();
        }
        if (!body.isObject() || body.size() != 1 || !body.has(member) || !body.get(member).isTextual()) {
            f.failWith(ImportError.MFA_FACTORS_FAILED, path + "." + type,
                    path + "." + type + " must be an object with one string member " + member);
            return Option.none();
        }
        String value = body.get(member).textValue();
        String at = path + "." + type + "." + member;
        switch (type) {
            case "totp":
                if (!STRICT_BASE32.matcher(value).matches()) {
                    f.failWith(ImportError.MFA_FACTORS_FAILED, at, at + " must be unpadded upper-case base32 (A-Z, 2-7)");
                    return Option.none();
                }
                Option<byte[]> decoded = StrictBase32.decode(value);
                if (decoded.isEmpty()) {
                    f.failWith(ImportError.MFA_FACTORS_FAILED, at, at + " is not valid base32 (impossible length)");
                    return Option.none();
                }
                byte[] seed = decoded.get();
                if (!UserReader.seedSizeFits(seed)) {
                    f.failWith(ImportError.MFA_FACTORS_FAILED, at, at + " must hold 80 to 512 bits");
                    return Option.none();
                }
                return Option.some(new NewFactor.Totp(Option.none(), new OtpSeed(seed)));
            case "phone":
                if (!isE164(value)) {
                    f.failWith(ImportError.MFA_FACTORS_FAILED, at, at + " must be an E.164 phone number (+ and 7 to 15 digits)");
                    return Option.none();
                }
                return Option.some(new NewFactor.Phone(Option.none(), new PhoneNumber(value), OobChannel.SMS));
            default:
                if (EmailAddress.parse(value).isLeft() || !value.equals(value.strip())) {
                    f.failWith(ImportError.MFA_FACTORS_FAILED, at, at + " must be an email address");
                    return Option.none();
                }
                return Option.some(new NewFactor.Email(Option.none(), new EmailAddress(value)));
        }
    }

    @Override
    public JsonNode redacted(JsonNode user) {
        if (!user.isObject()) {
            return user;
        }
        ObjectNode copy = user.deepCopy();
        if (copy.has("password_hash")) {
            copy.put("password_hash", REDACTED);
        }
        JsonNode custom = copy.get("custom_password_hash");
        if (custom != null && custom.isObject()) {
            redactMember(custom.get("hash"), "value");
            redactMember(custom.get("salt"), "value");
            JsonNode hash = custom.get("hash");
            redactMember(hash == null ? null : hash.get("key"), "value");
            if (hash != null && hash.isTextual()) {
                ((ObjectNode) custom).put("hash", REDACTED);
            }
        }
        JsonNode factors = copy.get("mfa_factors");
        if (factors != null && factors.isArray()) {
            for (JsonNode factor : factors) {
                redactMember(factor == null ? null : factor.get("totp"), "secret");
                if (factor != null && factor.isObject() && factor.has("totp") && !factor.get("totp").isObject()) {
                    ((ObjectNode) factor).put("totp", REDACTED);
                }
            }
        }
        return copy;
    }

    private static void redactMember(JsonNode node, String member) {
        if (node != null && node.isObject() && node.has(member)) {
            ((ObjectNode) node).put(member, REDACTED);
        }
    }
}
