package io.twofold.mfa.http.management.clients;

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
import io.twofold.mfa.port.in.operator.ClientAdministration;
import io.twofold.mfa.port.in.operator.ClientWithSecret;
import io.twofold.mfa.port.in.operator.Listing;
import io.twofold.mfa.model.ManagedClient;
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

    public ClientsController(ClientAdministration clients, ManagementAuth auth) {
        this.clients = clients;
        this.auth = auth;
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
                                    .map(client -> ClientBodies.select(ClientBodies.render(client, Option.none()),
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
                        .map(client -> ManagementJson.ok(ClientBodies.select(ClientBodies.render(client, Option.none()),
                                fields._1, fields._2)))));
    }

    @Patch(uri = "/clients/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "update:clients", "update:client_keys")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> mayChange(operator, json.has("client_secret"),
                                json.size() > (json.has("client_secret") ? 1 : 0))
                                .flatMap(allowed -> clients.find(new ClientId(id)).mapLeft(ManagementErrors::map))
                                .flatMap(current -> ClientBodies.changes(json, current.profile().extraJson()))
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

    private static Map<String, Object> rendered(ClientWithSecret client) {
        return ClientBodies.render(client.client(), client.secret());
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
