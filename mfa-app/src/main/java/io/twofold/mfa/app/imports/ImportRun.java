package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.twofold.mfa.jdbc.imports.AccountImporter;
import io.twofold.mfa.jdbc.imports.ImportedAccount;
import io.twofold.mfa.port.out.StoreUnavailableException;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One pass over a file: finds the users array, then reads, checks and writes user after user. */
final class ImportRun {
    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    private final JsonParser parser;
    private final ImportRequest request;
    private final ImportLimits limits;
    private final ObjectMapper mapper;
    private final AccountImporter accounts;
    private final ImportListener listener;
    private final UserReader reader;
    /** Who is in the file so far (id, email, username, lower case) and at which index: a later one is a duplicate. */
    private final Map<String, Integer> seen = new HashMap<>();
    private int inserted;
    private int updated;
    private int failed;

    private ImportRun(JsonParser parser, ImportRequest request, ImportLimits limits, ObjectMapper mapper,
                      AccountImporter accounts, ImportListener listener, UserReader reader) {
        this.parser = parser;
        this.request = request;
        this.limits = limits;
        this.mapper = mapper;
        this.accounts = accounts;
        this.listener = listener;
        this.reader = reader;
    }

    static Either<ImportError, ImportSummary> start(JsonParser parser, ImportRequest request, ImportLimits limits,
                                                    ObjectMapper mapper, AccountImporter accounts,
                                                    ImportListener listener) throws IOException {
        UserReader reader = request.format() == ImportFormat.AUTH0 ? new Auth0UserReader(mapper) : new KeycloakUserReader(mapper);
        Either<ImportError, Boolean> users;
        try {
            users = request.format() == ImportFormat.AUTH0 ? auth0Users(parser) : keycloakUsers(parser);
        } catch (JsonProcessingException e) {
            return Either.left(ImportError.of(ImportError.INVALID_FILE, "the file is not JSON: " + describe(e)));
        }
        ImportRun run = new ImportRun(parser, request, limits, mapper, accounts, listener, reader);
        return users.map(found -> found ? run.readAll() : new ImportSummary(0, 0, 0, 0));
    }

    /** Auth0's users file is one JSON array of users. */
    private static Either<ImportError, Boolean> auth0Users(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.START_ARRAY ? Either.right(true)
                : Either.left(ImportError.of(ImportError.INVALID_FILE, "an Auth0 users file is a JSON array of users"));
    }

    /** A Keycloak realm export is an object whose {@code users} member is the array; the rest is skipped unread. */
    private static Either<ImportError, Boolean> keycloakUsers(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Either.left(ImportError.of(ImportError.INVALID_FILE, "a Keycloak realm export is a JSON object"));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("users".equals(name)) {
                return value == JsonToken.START_ARRAY ? Either.right(true)
                        : Either.left(ImportError.of(ImportError.INVALID_FILE, "the realm export's users member is not an array"));
            }
            parser.skipChildren();
        }
        // A realm without users: nothing to import.
        return Either.right(false);
    }

    private ImportSummary readAll() {
        int index = 0;
        while (true) {
            JsonToken token;
            try {
                token = parser.nextToken();
            } catch (IOException e) {
                brokenAt(index, e);
                break;
            }
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            if (token == null) {
                reject(index, NullNode.getInstance(), List.of(ImportError.of(ImportError.INVALID_FILE,
                        "the file ends before its users array does; the users from index " + index + " on were not read")));
                index++;
                break;
            }
            if (index >= limits.maxUsers()) {
                reject(index, NullNode.getInstance(), List.of(ImportError.of(ImportError.TOO_LARGE,
                        "the file has more than " + limits.maxUsers() + " users; the users from index " + index
                                + " on were not read")));
                index++;
                break;
            }
            Option<JsonNode> element;
            try {
                element = element();
            } catch (IOException e) {
                brokenAt(index, e);
                index++;
                break;
            }
            if (element.isEmpty()) {
                reject(index, NullNode.getInstance(), List.of(ImportError.of(ImportError.TOO_LARGE,
                        "the user is larger than " + limits.maxUserBytes() + " bytes of JSON")));
            } else {
                importUser(index, element.get());
            }
            index++;
        }
        return new ImportSummary(inserted, updated, failed, index);
    }

    private void brokenAt(int index, IOException e) {
        reject(index, NullNode.getInstance(), List.of(ImportError.of(ImportError.INVALID_FILE,
                "the file is not valid JSON " + describe(e) + "; the users from index " + index + " on were not read")));
    }

    /**
     * The current element as a tree, or none when it is over the size limit: then it is skipped
     * token by token, never held. The parser's string limit bounds a single huge value.
     */
    private Option<JsonNode> element() throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        TokenBuffer buffer = new TokenBuffer(parser);
        boolean tooLarge = false;
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (!tooLarge) {
                buffer.copyCurrentEvent(parser);
                tooLarge = parser.currentLocation().getByteOffset() - start > limits.maxUserBytes();
                if (tooLarge) {
                    buffer.close();
                }
            }
            if (depth == 0) {
                break;
            }
            token = parser.nextToken();
            if (token == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null, "the file ends inside a user");
            }
        }
        if (tooLarge) {
            return Option.none();
        }
        try (JsonParser tree = buffer.asParser(mapper)) {
            return Option.some(mapper.readTree(tree));
        }
    }

    private void importUser(int index, JsonNode user) {
        Either<List<ImportError>, ImportedAccount> read = reader.read(user, request.connection());
        if (read.isLeft()) {
            reject(index, user, read.getLeft());
            return;
        }
        ImportedAccount account = read.get();
        List<String> keys = keys(account);
        Option<Integer> earlier = keys.map(seen::get).find(i -> i != null);
        if (earlier.isDefined()) {
            reject(index, user, List.of(ImportError.of(ImportError.DUPLICATED_USER,
                    "the user appears earlier in the file, at index " + earlier.get())));
            return;
        }
        Either<AccountImporter.Refusal, AccountImporter.Outcome> written;
        try {
            written = accounts.write(account, request.upsert());
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // The user's transaction rolled back; the message may quote the user's values, so it is not shown.
            LOG.warn("import: user at index {} could not be written ({})", index, e.getClass().getSimpleName());
            reject(index, user, List.of(ImportError.of(ImportError.WRITE_FAILED, "the user could not be written")));
            return;
        }
        if (written.isLeft()) {
            reject(index, user, List.of(ImportError.of(written.getLeft().code(), written.getLeft().message())));
            return;
        }
        keys.forEach(key -> seen.put(key, index));
        if (written.get() == AccountImporter.Outcome.INSERTED) {
            inserted++;
            listener.inserted(index);
        } else {
            updated++;
            listener.updated(index);
        }
    }

    private static List<String> keys(ImportedAccount account) {
        return List.of(account.id().map(id -> "id:" + id.value()),
                        account.email().map(e -> "email:" + e.value().toLowerCase(Locale.ROOT)),
                        account.username().map(u -> "username:" + u.toLowerCase(Locale.ROOT)))
                .flatMap(key -> key);
    }

    private void reject(int index, JsonNode user, List<ImportError> errors) {
        failed++;
        listener.rejected(new ImportRejection(index, user.isNull() ? user : reader.redacted(user), errors));
    }

    /** Where the parser gave up, without quoting the file (it may hold secrets). */
    static String describe(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            JsonLocation at = json.getLocation();
            return "at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return "(" + e.getClass().getSimpleName() + ")";
    }
}
