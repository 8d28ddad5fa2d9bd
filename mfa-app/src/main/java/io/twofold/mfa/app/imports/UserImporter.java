package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.imports.AccountImporter;
import io.vavr.control.Either;

import java.io.IOException;
import java.io.InputStream;

/**
 * Imports users from an Auth0 users file or a Keycloak realm export into one connection. The file
 * is streamed (never held whole in memory); each user is checked, then written with its hash,
 * profile and factors in a transaction of its own, so a rejected user leaves nothing behind and the
 * others are imported. Build one with {@link #on(JdbcStorage)}.
 */
public final class UserImporter {
    private final AccountImporter accounts;
    private final ImportLimits limits;
    private final JsonFactory json;
    private final ObjectMapper mapper;

    public UserImporter(AccountImporter accounts, ImportLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
        this.mapper = new ObjectMapper();
        this.json = JsonFactory.builder()
                // One string can be no larger than one user may be: the parser never buffers more.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxUserBytes())
                        .maxNestingDepth(64)
                        .build())
                .build();
        this.json.setCodec(mapper);
    }

    /** The importer over this storage's database, with the {@linkplain ImportLimits#DEFAULT default limits}. */
    public static UserImporter on(JdbcStorage storage) {
        return on(storage, ImportLimits.DEFAULT);
    }

    public static UserImporter on(JdbcStorage storage, ImportLimits limits) {
        return new UserImporter(storage.accountImporter(), limits);
    }

    /**
     * Streams the file (Jackson streaming parser; never the whole file in memory), imports user by
     * user, each in its own transaction; Left = the file as a whole is unreadable (not JSON, not an
     * array / not a realm export). A file that breaks off mid-way (malformed JSON, over the user
     * count) keeps the users before the break; the break is one more rejection, at the index of
     * the first user that could not be read, and counts as failed. The listener hears of each user
     * as soon as its transaction ended. Closes {@code file}. A database that cannot be reached stops
     * the run with {@link io.twofold.mfa.port.out.StoreUnavailableException} (the users before it stay).
     */
    public Either<ImportError, ImportSummary> run(InputStream file, ImportRequest request, ImportListener listener) {
        try (JsonParser parser = json.createParser(file)) {
            return ImportRun.start(parser, request, limits, mapper, accounts, listener);
        } catch (IOException e) {
            return Either.left(ImportError.of(ImportError.INVALID_FILE, "the file cannot be read: " + ImportRun.describe(e)));
        }
    }
}
