package io.twofold.mfa.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI document served at {@code /openapi.yaml}. Its operations are the ones the compiler found
 * in the controllers ({@code META-INF/swagger/twofold.yml}, written by micronaut-openapi at build
 * time), so an endpoint cannot be served without being listed. The controllers read and write their
 * bodies by hand, which the compiler cannot see; what they carry is laid over the generated operations
 * from two curated files: {@code openapi/components.yml} (schemas, security schemes) and
 * {@code openapi/operations.yml} (what each operation takes and answers, replacing the generated
 * request body and responses and adding the query parameters, and the endpoints the application
 * module serves). Every Management API operation gets the Management token and its error answers
 * (401, 403, 429, 503 and any other 4xx in Auth0's error shape) by rule.
 */
public final class OpenApiDocument {
    static final String GENERATED = "META-INF/swagger/twofold.yml";
    static final String COMPONENTS = "openapi/components.yml";
    static final String OPERATIONS = "openapi/operations.yml";
    private static final String MANAGEMENT_PREFIX = "/api/v2/";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private OpenApiDocument() {
    }

    /** The assembled document as YAML; read once at start-up. */
    public static byte[] yaml() {
        try {
            return YAML.writeValueAsBytes(assemble(read(GENERATED), read(COMPONENTS), read(OPERATIONS)));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document cannot be written", e);
        }
    }

    static ObjectNode assemble(ObjectNode generated, ObjectNode components, ObjectNode operations) {
        ObjectNode document = generated.deepCopy();
        ObjectNode paths = child(document, "paths");
        ObjectNode documentComponents = child(document, "components");
        mergeMaps(documentComponents, components.path("components"));
        mergeMaps(documentComponents, operations.path("components"));
        if (operations.has("tags")) {
            document.set("tags", operations.get("tags").deepCopy());
        }
        operations.path("paths").fields().forEachRemaining(path -> {
            ObjectNode item = child(paths, path.getKey());
            path.getValue().fields().forEachRemaining(method -> {
                ObjectNode operation = child(item, method.getKey());
                ObjectNode curated = (ObjectNode) method.getValue().deepCopy();
                // The controllers read their query by hand: curated parameters join the generated path ones.
                JsonNode parameters = curated.remove("parameters");
                // Replaced member by member: the generated request body and responses only say "bytes".
                operation.setAll(curated);
                if (parameters != null) {
                    addParameters(operation, parameters, documentComponents);
                }
            });
        });
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            ObjectNode operation = (ObjectNode) method.getValue();
            if (path.getKey().startsWith(MANAGEMENT_PREFIX)) {
                describeManagementOperation(operation);
            }
            anyBodyForBytes(operation);
            operation.put("operationId", operationId(method.getKey(), path.getKey()));
        }));
        return document;
    }

    private static void describeManagementOperation(ObjectNode operation) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        operation.set("tags", json.arrayNode().add("Management API"));
        ArrayNode security = json.arrayNode();
        security.addObject().set("managementToken", json.arrayNode());
        operation.set("security", security);
        ObjectNode responses = child(operation, "responses");
        // Every operation checks the token, then its scope, and counts the caller's calls, before anything else.
        responses.set("401", json.objectNode().put("$ref", "#/components/responses/ManagementUnauthorized"));
        responses.set("403", json.objectNode().put("$ref", "#/components/responses/ManagementForbidden"));
        responses.set("429", json.objectNode().put("$ref", "#/components/responses/ManagementTooManyRequests"));
        responses.set("4XX", json.objectNode().put("$ref", "#/components/responses/ManagementRefusal"));
        responses.set("503", json.objectNode().put("$ref", "#/components/responses/ManagementUnavailable"));
    }

    /** Adds {@code curated} to the operation's parameters; one of the same name and place replaces the generated one. */
    private static void addParameters(ObjectNode operation, JsonNode curated, JsonNode components) {
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        operation.path("parameters").forEach(generated -> {
            boolean replaced = false;
            for (JsonNode parameter : curated) {
                replaced |= samePlace(resolved(parameter, components), generated);
            }
            if (!replaced) {
                merged.add(generated);
            }
        });
        curated.forEach(merged::add);
        operation.set("parameters", merged);
    }

    /** A {@code #/components/parameters/...} reference's parameter; any other node as it is. */
    private static JsonNode resolved(JsonNode parameter, JsonNode components) {
        String ref = parameter.path("$ref").asText("");
        String prefix = "#/components/parameters/";
        return ref.startsWith(prefix) ? components.path("parameters").path(ref.substring(prefix.length())) : parameter;
    }

    private static boolean samePlace(JsonNode a, JsonNode b) {
        return a.path("name").asText().equals(b.path("name").asText()) && a.path("in").asText().equals(b.path("in").asText());
    }

    /**
     * The controllers take and answer raw bytes (they parse and write JSON themselves, to answer bad
     * input in the API's own error shape); a generated "string, format byte" would tell a client
     * generator to send base64. Where no curated schema replaced it, the body is JSON of Auth0's shape.
     */
    private static void anyBodyForBytes(ObjectNode operation) {
        JsonNode body = operation.path("requestBody").path("content");
        if (body instanceof ObjectNode content && isBytes(content.path("*/*").path("schema"))) {
            content.remove("*/*");
            content.putObject("application/json").putObject("schema").put("type", "object");
        }
        operation.path("responses").forEach(response -> response.path("content").forEach(media -> {
            if (media instanceof ObjectNode mediaType && isBytes(mediaType.path("schema"))) {
                mediaType.putObject("schema");
            }
        }));
    }

    private static boolean isBytes(JsonNode schema) {
        return "string".equals(schema.path("type").asText()) && "byte".equals(schema.path("format").asText());
    }

    /** {@code get /api/v2/users/{id}/logs} → {@code getApiV2UsersIdLogs}: stable, unique, readable. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String word : path.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    private static void mergeMaps(ObjectNode target, JsonNode source) {
        Iterator<Map.Entry<String, JsonNode>> sections = source.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            child(target, section.getKey()).setAll((ObjectNode) section.getValue().deepCopy());
        }
    }

    /** The member object, made when missing; never {@code with(...)}, which reads "/a/b" as a JSON pointer. */
    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + resource);
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable: " + resource, e);
        }
    }
}
