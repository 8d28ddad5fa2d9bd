package io.twofold.mfa.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.jdbc.imports.ImportedAccount;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Work in progress. */
final class KeycloakUserReader implements UserReader {
    private final ObjectMapper mapper;

    KeycloakUserReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Either<List<ImportError>, ImportedAccount> read(JsonNode user, String connection) {
        return Either.left(List.of(ImportError.of(ImportError.INVALID_FORMAT, "not implemented yet")));
    }

    @Override
    public JsonNode redacted(JsonNode user) {
        return mapper.createObjectNode();
    }
}
