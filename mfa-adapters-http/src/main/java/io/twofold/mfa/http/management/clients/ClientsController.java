package io.twofold.mfa.http.management.clients;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.twofold.mfa.http.management.Operator;
import io.twofold.mfa.http.management.PageRequest;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.in.operator.ClientAdministration;
import io.twofold.mfa.port.in.operator.ClientKeyAdministration;
import io.twofold.mfa.port.in.operator.ClientWithSecret;
import io.twofold.mfa.port.in.operator.Listing;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/clients} (spec 5.2). Twofold keeps only a hash of each secret, so a secret appears in
 * the answers of create, rotate-secret and a PATCH that sets one, and never in a GET, even with
 * {@code read:client_keys}.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ClientAdministration.class)
public class ClientsController {
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ClientAdministration clients;
    private final ManagementAuth auth;
    /** Absent in a host without Private Key JWT: then client_authentication_methods is refused. */
    private final @Nullable ClientKeyAdministration keys;

    public ClientsController(ClientAdministration clients, ManagementAuth auth, @Nullable ClientKeyAdministration keys) {
        this.clients = clients;
        this.auth = auth;
        this.keys = keys;
    }

    @Post(uri = "/clients", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "create:clients")
                .flatMap(operator -> ManagementJson.object(body).flatMap(ClientBodies::draft)
                        .flatMap(draft -> clients.create(operator.client(), draft).mapLeft(ManagementErrors::map)))
                .map(created -> ManagementJson.created(rendered(created))));
    }

    @Get(uri = "/clients", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        return answer(auth.require(request, "read:clients")
                .flatMap(operator -> PageRequest.parse(request, DEFAULT_PER_PAGE, MAX_PER_PAGE))
                .flatMap(page -> PageRequest.bool(query(request, "is_global").getOrNull(), "is_global")
                        .flatMap(global -> fields(request).map(fields -> {
                            Option<String> appType = query(request, "app_type");
                            // Twofold has no global (tenant-wide) client: asking only for those finds none.
                            Listing<ManagedClient> listing = global
                                    ? new Listing<>(List.empty(), 0)
                                    : clients.list(appType, (int) Math.min(page.offset(), Integer.MAX_VALUE),
                                            page.perPage());
                            java.util.List<Map<String, Object>> items = listing.items()
                                    .map(client -> ClientBodies.select(render(client, Option.none()),
                                            fields._1, fields._2))
                                    .toJavaList();
                            return ManagementJson.ok(page.render("clients", items, listing.total(), false));
                        }))));
    }

    @Get(uri = "/clients/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "read:clients")
                .flatMap(operator -> fields(request))
                .flatMap(fields -> clients.find(new ClientId(id)).mapLeft(ManagementErrors::map)
                        .map(client -> ManagementJson.ok(ClientBodies.select(render(client, Option.none()),
                                fields._1, fields._2)))));
    }

    @Patch(uri = "/clients/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "update:clients", "update:client_keys")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> mayChange(operator, json.has("client_secret"),
                                json.size() > (json.has("client_secret") ? 1 : 0))
                                .flatMap(allowed -> clients.find(new ClientId(id)).mapLeft(ManagementErrors::map))
                                .flatMap(current -> privateKeyJwt(json.remove("client_authentication_methods"),
                                        json.has("token_endpoint_auth_method"))
                                        .flatMap(ids -> ClientBodies.changes(json, current.profile().extraJson(),
                                                        current.client().refreshTokens())
                                                .flatMap(changes -> switchToKeys(operator, new ClientId(id), ids)
                                                        .map(switched -> changes))))
                                .flatMap(changes -> clients.update(operator.client(), new ClientId(id), changes)
                                        .mapLeft(ManagementErrors::map))))
                .map(updated -> ManagementJson.ok(rendered(updated))));
    }

    @Delete(uri = "/clients/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "delete:clients")
                .flatMap(operator -> clients.delete(operator.client(), new ClientId(id)).mapLeft(ManagementErrors::map))
                .map(deleted -> ManagementJson.noContent()));
    }

    /** The body is ignored (auth0-java sends an empty one, go {@code {}}, node none). */
    @Post(uri = "/clients/{id}/rotate-secret", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> rotateSecret(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "update:client_keys")
                .flatMap(operator -> clients.rotateSecret(operator.client(), new ClientId(id))
                        .mapLeft(ManagementErrors::map))
                .map(rotated -> ManagementJson.ok(rendered(rotated))));
    }

    /** Setting a secret needs {@code update:client_keys}; changing anything else {@code update:clients}. */
    private static Either<ManagementError, Operator> mayChange(Operator operator, boolean setsSecret,
                                                               boolean changesOther) {
        if (setsSecret && !operator.holds("update:client_keys")) {
            return Either.left(ManagementError.insufficientScope("update:client_keys"));
        }
        if (changesOther && !operator.holds("update:clients")) {
            return Either.left(ManagementError.insufficientScope("update:clients"));
        }
        return Either.right(operator);
    }

    /** The credential ids a PATCH's {@code client_authentication_methods} names, none when it has no such member. */
    private Either<ManagementError, Option<List<String>>> privateKeyJwt(@Nullable JsonNode methods,
                                                                        boolean setsSecretMethod) {
        if (methods == null) {
            return Either.right(Option.none());
        }
        if (keys == null) {
            return Either.left(ManagementError.badRequest("Private Key JWT is not available on this server."));
        }
        if (setsSecretMethod) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'token_endpoint_auth_method and"
                    + " client_authentication_methods exclude each other'."));
        }
        return CredentialBodies.privateKeyJwtIds(methods).map(Option::some);
    }

    private Either<ManagementError, ClientId> switchToKeys(Operator operator, ClientId id, Option<List<String>> ids) {
        return ids.isEmpty() ? Either.right(id)
                : keys.usePrivateKeyJwt(operator.client(), id, ids.get()).mapLeft(ManagementErrors::map);
    }

    private Map<String, Object> rendered(ClientWithSecret client) {
        return render(client.client(), client.secret());
    }

    /** The client's body; a Private Key JWT client's names its credentials as Auth0's does. */
    private Map<String, Object> render(ManagedClient client, Option<String> secret) {
        List<String> credentialIds = client.profile().authMethod() == TokenEndpointAuth.PRIVATE_KEY_JWT && keys != null
                ? keys.list(client.id()).map(found -> found.map(ClientPublicKey::id)).getOrElse(List.empty())
                : List.empty();
        return ClientBodies.render(client, secret, credentialIds);
    }

    /** {@code fields} (comma-separated) and {@code include_fields} (default true). */
    private static Either<ManagementError, io.vavr.Tuple2<Option<Set<String>>, Boolean>> fields(HttpRequest<?> request) {
        Option<Set<String>> fields = query(request, "fields").filter(value -> !value.isBlank())
                .map(value -> (Set<String>) new java.util.HashSet<>(java.util.Arrays.asList(value.split(","))));
        Option<String> include = query(request, "include_fields");
        return PageRequest.bool(include.getOrNull(), "include_fields")
                .map(value -> io.vavr.Tuple.of(fields, include.isEmpty() || include.get().isEmpty() || value));
    }

    private static Option<String> query(HttpRequest<?> request, String name) {
        return Option.ofOptional(request.getParameters().getFirst(name));
    }

    private static HttpResponse<byte[]> answer(Either<ManagementError, ? extends HttpResponse<byte[]>> outcome) {
        return outcome.fold(ManagementError::toResponse, response -> response);
    }
}
