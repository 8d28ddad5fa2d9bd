package io.twofold.mfa.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link OpenApiDocument} lays the curated operations over the generated ones. */
class OpenApiDocumentAssemblyTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final String GENERATED = """
            openapi: 3.1.0
            paths:
              /api/v2/things/{id}:
                get:
                  operationId: get_1
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: kind, in: path, required: true, schema: {type: string}}
                  responses:
                    "200": {description: bytes, content: {application/json: {schema: {type: string, format: byte}}}}
            """;
    private static final String COMPONENTS = """
            components:
              parameters:
                Kind: {name: kind, in: path, required: true, schema: {type: string, enum: [a, b]}}
            """;
    private static final String OPERATIONS = """
            paths:
              /api/v2/things/{id}:
                get:
                  parameters:
                    - {$ref: "#/components/parameters/Kind"}
                    - {name: page, in: query, schema: {type: integer}}
                  responses:
                    "200": {description: A thing, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
            """;

    @Test
    void curatedParametersJoinTheGeneratedOnesAndReplaceThoseOfTheSameNameAndPlace() throws IOException {
        JsonNode operation = assembled().path("paths").path("/api/v2/things/{id}").path("get");

        List<String> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(p.has("$ref") ? p.get("$ref").asText()
                : p.path("in").asText() + " " + p.path("name").asText()));
        assertThat(parameters).containsExactly("path id", "#/components/parameters/Kind", "query page");
    }

    @Test
    void aCuratedManagementOperationKeepsItsAnswersAndGetsTheTokenAndTheRefusalsByRule() throws IOException {
        JsonNode operation = assembled().path("paths").path("/api/v2/things/{id}").path("get");

        assertThat(operation.path("responses").path("200").path("description").asText()).isEqualTo("A thing");
        List<String> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).containsExactly("200", "401", "403", "429", "4XX", "503");
        assertThat(operation.path("security").get(0).has("managementToken")).isTrue();
        assertThat(operation.path("operationId").asText()).isEqualTo("getApiV2ThingsId");
    }

    private static ObjectNode assembled() throws IOException {
        return OpenApiDocument.assemble((ObjectNode) YAML.readTree(GENERATED), (ObjectNode) YAML.readTree(COMPONENTS),
                (ObjectNode) YAML.readTree(OPERATIONS));
    }
}
