package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.jdbc.imports.ImportedAccount;
import io.twofold.mfa.jdbc.users.hashes.KeycloakPasswordCredential;
import io.twofold.mfa.jdbc.users.hashes.KeycloakPasswordHashes;
import io.twofold.mfa.jdbc.users.hashes.StoredHash;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.NewFactor;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One element of a Keycloak realm export's {@code users}: username, email, emailVerified,
 * firstName/lastName (given/family name, and {@code name} when both are there), {@code enabled:false}
 * as blocked, {@code attributes} as {@code user_metadata} (a single value as a string, several as a
 * list), the id as {@code auth0|<keycloak id>}, a {@code password} credential converted to a hash
 * Twofold checks, and each {@code otp} credential as an active TOTP factor with its own algorithm,
 * digits and period. Members Keycloak adds that mean nothing here (roles, groups, required actions)
 * are ignored; a credential of another type cannot be imported, and the user is then refused
 * rather than imported without a factor they relied on.
 */
final class KeycloakUserReader implements UserReader {
    private static final Pattern USERNAME = Pattern.compile("[^\\s|]{1,255}");

    private final ObjectMapper mapper;

    KeycloakUserReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Either<List<ImportError>, ImportedAccount> read(JsonNode user, String connection) {
        if (!user.isObject()) {
            return Either.left(List.of(ImportError.of(ImportError.INVALID_FORMAT, "a user is a JSON object")));
        }
        Fields f = Fields.of(user);
        if (f.has("serviceAccountClientId")) {
            f.fail("serviceAccountClientId", "a client's service account is not a user: not imported");
        }
        Option<String> username = f.text("username", raw -> USERNAME.matcher(raw).matches(),
                "must be 1 to 255 characters without spaces or '|'");
        if (!f.has("username")) {
            f.fail("username", "username is required");
        }
        Option<EmailAddress> email = f.text("email", raw -> EmailAddress.parse(raw).isRight(), "must be an email address")
                .map(raw -> EmailAddress.parse(raw).get());
        Option<UserId> id = f.text("id", raw -> ID.matcher(raw).matches(),
                "must be 1 to 128 printable characters without spaces or '|'").map(raw -> new UserId("auth0|" + raw));
        Option<String> first = f.text("firstName", Auth0UserReader.MAX_TEXT);
        Option<String> last = f.text("lastName", Auth0UserReader.MAX_TEXT);
        Option<String> name = first.flatMap(a -> last.map(b -> a + " " + b)).filter(n -> n.length() <= Auth0UserReader.MAX_TEXT);
        UserProfile.Names names = new UserProfile.Names(first, last, name, Option.none());
        Metadata attributes = attributes(f);
        boolean emailVerified = f.bool("emailVerified", false);
        boolean enabled = f.bool("enabled", true);
        Option<StoredHash> password = Option.none();
        List<NewFactor> factors = List.empty();
        Option<JsonNode> credentials = f.array("credentials");
        if (credentials.isDefined()) {
            for (int i = 0; i < credentials.get().size(); i++) {
                JsonNode credential = credentials.get().get(i);
                String path = "credentials[" + i + "]";
                String type = credential.path("type").asText("");
                if ("password".equals(type)) {
                    if (password.isDefined()) {
                        f.fail(path, path + ": a user has one password credential");
                    }
                    password = password.orElse(password(f, path, credential));
                } else if ("otp".equals(type)) {
                    factors = factors.appendAll(otp(f, path, credential));
                } else {
                    f.failWith(ImportError.MFA_FACTORS_FAILED, path + ".type",
                            path + ": credentials of type " + type + " cannot be imported (password and otp can)");
                }
            }
        }
        List<ImportError> errors = f.errors();
        if (errors.nonEmpty()) {
            return Either.left(errors);
        }
        return Either.right(new ImportedAccount(connection, id, username, email, emailVerified, Option.none(), false,
                names, Option.none(), attributes, Metadata.EMPTY, !enabled, password, true, Option.none(), factors));
    }

    private Metadata attributes(Fields f) {
        Option<JsonNode> node = f.object("attributes");
        if (node.isEmpty()) {
            return Metadata.EMPTY;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Object value = mapper.convertValue(entry.getValue(), Object.class);
            if (value instanceof java.util.List<?> list && list.size() == 1) {
                value = list.get(0);
            }
            values.put(entry.getKey(), value);
        }
        return new Metadata(values);
    }

    /** Keycloak keeps JSON inside strings: {@code secretData} and {@code credentialData}. */
    private Option<JsonNode> embedded(Fields f, String path, JsonNode credential, String member) {
        JsonNode text = credential.get(member);
        if (text == null || !text.isTextual()) {
            f.fail(path + "." + member, path + "." + member + " must be a string of JSON");
            return Option.none();
        }
        try {
            JsonNode parsed = mapper.readTree(text.textValue());
            if (parsed != null && parsed.isObject()) {
                return Option.some(parsed);
            }
        } catch (JsonProcessingException e) {
            // The text may be a secret: the message says where, not what.
        }
        f.fail(path + "." + member, path + "." + member + " is not a JSON object");
        return Option.none();
    }

    private Option<StoredHash> password(Fields f, String path, JsonNode credential) {
        return embedded(f, path, credential, "secretData").flatMap(secret -> embedded(f, path, credential, "credentialData")
                .flatMap(data -> {
                    Map<String, java.util.List<String>> extra = new LinkedHashMap<>();
                    data.path("additionalParameters").fields().forEachRemaining(e -> {
                        java.util.List<String> values = new java.util.ArrayList<>();
                        e.getValue().forEach(v -> values.add(v.asText()));
                        extra.put(e.getKey(), values);
                    });
                    KeycloakPasswordCredential converted = new KeycloakPasswordCredential(data.path("algorithm").asText(""),
                            data.path("hashIterations").asInt(0), secret.path("value").asText(""),
                            secret.path("salt").asText(""), HashMap.ofAll(extra).mapValues(List::ofAll));
                    Either<String, StoredHash> hash = KeycloakPasswordHashes.fromCredential(converted);
                    hash.swap().forEach(reason -> f.fail(path, path + ": " + reason));
                    return hash.toOption();
                }));
    }

    /**
     * An {@code otp} credential: {@code secretEncoding: BASE32} means the value is the base32 the app
     * holds; without it (what Keycloak's own enrollment page stores) the value's UTF-8 bytes are the key.
     */
    private List<NewFactor> otp(Fields f, String path, JsonNode credential) {
        Option<JsonNode> secret = embedded(f, path, credential, "secretData");
        Option<JsonNode> data = embedded(f, path, credential, "credentialData");
        if (secret.isEmpty() || data.isEmpty()) {
            return List.empty();
        }
        String fail = ImportError.MFA_FACTORS_FAILED;
        if (!"totp".equals(data.get().path("subType").asText("totp"))) {
            f.failWith(fail, path, path + ": only time-based (totp) OTP credentials can be imported");
            return List.empty();
        }
        Option<TotpParameters.Algorithm> algorithm = algorithm(data.get().path("algorithm").asText("HmacSHA1"));
        int digits = data.get().path("digits").asInt(6);
        int period = data.get().path("period").asInt(30);
        if (algorithm.isEmpty() || (digits != 6 && digits != 8) || period < 1 || period > 300) {
            f.failWith(fail, path, path + ": the OTP policy must be HmacSHA1/256/512, 6 or 8 digits, a period of 1 to 300 s");
            return List.empty();
        }
        String value = secret.get().path("value").asText("");
        byte[] key;
        if ("BASE32".equalsIgnoreCase(data.get().path("secretEncoding").asText(""))) {
            Option<byte[]> decoded = StrictBase32.decode(value);
            if (decoded.isEmpty()) {
                f.failWith(fail, path, path + ": the secret is not valid base32");
                return List.empty();
            }
            key = decoded.get();
        } else {
            key = value.getBytes(StandardCharsets.UTF_8);
        }
        if (!UserReader.seedSizeFits(key)) {
            f.failWith(fail, path, path + ": the secret must hold 80 to 512 bits");
            return List.empty();
        }
        Option<String> label = Option.of(credential.path("userLabel").textValue())
                .filter(l -> !l.isBlank() && l.length() <= Auth0UserReader.MAX_TEXT);
        return List.of(new NewFactor.Totp(label, new OtpSeed(key),
                new TotpParameters(algorithm.get(), digits, period)));
    }

    private static Option<TotpParameters.Algorithm> algorithm(String name) {
        switch (name) {
            case "HmacSHA1":
                return Option.some(TotpParameters.Algorithm.SHA1);
            case "HmacSHA256":
                return Option.some(TotpParameters.Algorithm.SHA256);
            case "HmacSHA512":
                return Option.some(TotpParameters.Algorithm.SHA512);
            default:
                return Option.none();
        }
    }

    @Override
    public JsonNode redacted(JsonNode user) {
        if (!user.isObject()) {
            return user;
        }
        ObjectNode copy = user.deepCopy();
        JsonNode credentials = copy.get("credentials");
        if (credentials != null && credentials.isArray()) {
            for (JsonNode credential : credentials) {
                if (credential.isObject()) {
                    for (String member : new String[] {"secretData", "value", "hashedSaltedValue", "salt"}) {
                        if (credential.has(member)) {
                            ((ObjectNode) credential).put(member, Auth0UserReader.REDACTED);
                        }
                    }
                }
            }
        }
        return copy;
    }
}
