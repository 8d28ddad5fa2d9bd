package io.twofold.mfa.http.management.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementErrors;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.http.management.PageRequest;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.in.operator.Listing;
import io.twofold.mfa.port.in.operator.ResourceServerAdministration;
import io.twofold.mfa.port.in.operator.ResourceServerChanges;
import io.twofold.mfa.port.in.operator.ResourceServerDraft;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v2/resource-servers}: the APIs tokens may be issued for. The built-in Management and
 * MFA APIs are listed ({@code is_system: true}) and cannot change. An API's access tokens are signed
 * with its {@code signing_alg}: RS256 (the default) or ES256. Auth0's HS256 is refused: Twofold's
 * tokens are checked with the published keys alone, never with a secret shared with the API.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ResourceServerAdministration.class)
public class ResourceServersController {
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ResourceServerAdministration apis;
    private final ManagementAuth auth;

    public ResourceServersController(ResourceServerAdministration apis, ManagementAuth auth) {
        this.apis = apis;
        this.auth = auth;
    }

    @Post(uri = "/resource-servers", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "create:resource_servers")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> BodyReader.read(json, reader -> new ResourceServerDraft(
                                reader.requiredText("identifier", 600), reader.text("name", 200),
                                scopes(reader).getOrElse(List.empty()), lifetime(reader),
                                reader.bool("allow_offline_access").getOrElse(false), signingAlg(reader))))
                        .flatMap(draft -> apis.create(operator.client(), draft).mapLeft(ManagementErrors::map)))
                .map(api -> ManagementJson.created(render(api))));
    }

    @Get(uri = "/resource-servers", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        return answer(auth.require(request, "read:resource_servers")
                .flatMap(operator -> PageRequest.parse(request, DEFAULT_PER_PAGE, MAX_PER_PAGE))
                .map(page -> {
                    Listing<ResourceServer> listing = apis.list((int) Math.min(page.offset(), Integer.MAX_VALUE),
                            page.perPage());
                    return ManagementJson.ok(page.render("resource_servers",
                            listing.items().map(ResourceServersController::render).toJavaList(), listing.total(), false));
                }));
    }

    @Get(uri = "/resource-servers/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "read:resource_servers")
                .flatMap(operator -> apis.find(id).mapLeft(ManagementErrors::map))
                .map(api -> ManagementJson.ok(render(api))));
    }

    @Patch(uri = "/resource-servers/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "update:resource_servers")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> BodyReader.read(json, reader -> {
                            if (json.has("identifier")) {
                                throw BodyReader.invalid("identifier", "The identifier of an API cannot change");
                            }
                            return new ResourceServerChanges(reader.text("name", 200), scopes(reader), lifetime(reader),
                                    reader.bool("allow_offline_access"), signingAlg(reader));
                        }))
                        .flatMap(changes -> apis.update(operator.client(), id, changes).mapLeft(ManagementErrors::map)))
                .map(api -> ManagementJson.ok(render(api))));
    }

    @Delete(uri = "/resource-servers/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "delete:resource_servers")
                .flatMap(operator -> apis.delete(operator.client(), id).mapLeft(ManagementErrors::map))
                .map(deleted -> ManagementJson.noContent()));
    }

    private static Option<SigningAlgorithm> signingAlg(BodyReader reader) {
        return reader.text("signing_alg", 16).map(alg -> SigningAlgorithm.byName(alg).getOrElseThrow(() ->
                BodyReader.invalid("signing_alg", "Must be " + SigningAlgorithm.allowedNames()
                        + " (Twofold signs access tokens with its published keys only, never with a shared secret)")));
    }

    private static Option<Duration> lifetime(BodyReader reader) {
        return reader.integer("token_lifetime").map(seconds -> {
            if (seconds < 1 || seconds > 2_592_000) {
                throw BodyReader.invalid("token_lifetime", "Must be between 1 and 2592000 seconds");
            }
            return Duration.ofSeconds(seconds);
        });
    }

    private static Option<List<ApiScope>> scopes(BodyReader reader) {
        return reader.array("scopes", 1000).map(items -> items.map(item -> {
            JsonNode value = item.get("value");
            JsonNode description = item.get("description");
            boolean valid = item instanceof ObjectNode && value != null && value.isTextual()
                    && !value.textValue().isBlank() && value.textValue().length() <= 280
                    && value.textValue().chars().noneMatch(Character::isWhitespace)
                    && (description == null || description.isNull()
                    || (description.isTextual() && description.textValue().length() <= 500));
            if (!valid) {
                throw BodyReader.invalid("scopes",
                        "Each scope is {value, description}: a value of one word (at most 280 characters)");
            }
            return new ApiScope(value.textValue(), description == null || description.isNull() ? ""
                    : description.textValue());
        }));
    }

    static Map<String, Object> render(ResourceServer api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", api.id());
        body.put("name", api.name());
        body.put("identifier", api.identifier());
        body.put("is_system", api.system());
        body.put("scopes", api.scopes().map(scope -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("value", scope.value());
            one.put("description", scope.description());
            return one;
        }).toJavaList());
        body.put("signing_alg", api.signingAlgorithm().name());
        body.put("token_lifetime", api.tokenLifetime().toSeconds());
        body.put("allow_offline_access", api.allowOfflineAccess());
        return body;
    }

    private static HttpResponse<byte[]> answer(Either<ManagementError, ? extends HttpResponse<byte[]>> outcome) {
        return outcome.fold(ManagementError::toResponse, response -> response);
    }
}
