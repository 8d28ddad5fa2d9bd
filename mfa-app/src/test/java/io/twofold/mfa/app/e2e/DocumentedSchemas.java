package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The schemas an OpenAPI 3.1 document gives for each operation's answers, checked with a JSON Schema
 * 2020-12 validator (OpenAPI 3.1's schema dialect), dates and other formats asserted.
 */
final class DocumentedSchemas {
    private static final SchemaLocation BASE = SchemaLocation.of("https://twofold.test/openapi.yaml");

    private final JsonNode document;
    /** JSON Schema 2020-12, which knows the document's components as a member that holds schemas, not as a typo. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword("components")).build());

    DocumentedSchemas(String yaml) {
        try {
            this.document = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("the document is not YAML", e);
        }
    }

    /** What is wrong with {@code body} as the answer {@code status} of {@code method path}; empty when nothing. */
    List<String> problems(String method, String path, int status, JsonNode body) {
        return problems(responseSchema(method, path, status), body);
    }

    /** What is wrong with {@code body} as the JSON request body of {@code method path}. */
    List<String> requestProblems(String method, String path, JsonNode body) {
        JsonNode schema = followed(operation(method, path).path("requestBody")).path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError("the document gives no JSON request body for " + method + " " + path);
        }
        return problems(schema, body);
    }

    /** Whether the document says {@code method path} answers {@code status} without a body. */
    boolean answersWithoutBody(String method, String path, int status) {
        JsonNode response = followed(operation(method, path).path("responses").path(String.valueOf(status)));
        return !response.isMissingNode() && response.path("content").isEmpty();
    }

    /** What is wrong with {@code body} as an instance of the document's schema {@code name}. */
    List<String> problemsAs(String name, JsonNode body) {
        return problems(document.path("components").path("schemas").path(name), body);
    }

    private List<String> problems(JsonNode schema, JsonNode body) {
        if (schema.isMissingNode()) {
            throw new AssertionError("no such schema in the document");
        }
        // The schema with the document's components beside it, so that its #/components/... references resolve.
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        Schema compiled = registry.getSchema(BASE, root);
        List<Error> errors = compiled.validate(body, context -> context.executionConfig(config ->
                config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    /** The JSON schema of that answer: the status's own response, else its class ({@code 4XX}); references followed. */
    JsonNode responseSchema(String method, String path, int status) {
        JsonNode responses = operation(method, path).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.path((status / 100) + "XX");
        response = followed(response);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError("the document gives no JSON schema for " + status + " of " + method + " " + path);
        }
        return schema;
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the document has no " + method + " " + path);
        }
        return operation;
    }

    private JsonNode followed(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty()) {
            return node;
        }
        return followed(document.at(ref.substring(1)));
    }
}
