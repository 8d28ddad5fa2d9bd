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
import io.twofold.mfa.http.management.PageRequest;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.in.operator.ClientGrantAdministration;
import io.twofold.mfa.port.in.operator.Listing;
import io.twofold.mfa.model.ClientGrantFilter;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v2/client-grants} (spec 5.3): offset paging ({@code page}, {@code per_page},
 * {@code include_totals}) or checkpoint paging ({@code from}, {@code take}: {@code {client_grants, next}},
 * no {@code next} on the last page). Auth0's organization members are accepted and ignored.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ClientGrantAdministration.class)
public class ClientGrantsController {
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ClientGrantAdministration grants;
    private final ManagementAuth auth;

    public ClientGrantsController(ClientGrantAdministration grants, ManagementAuth auth) {
        this.grants = grants;
        this.auth = auth;
    }

    @Post(uri = "/client-grants", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "create:client_grants")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> BodyReader.read(json, reader -> new NewGrant(
                                reader.requiredText("client_id", 255), reader.requiredText("audience", 600),
                                requiredScope(reader))))
                        .flatMap(read -> grants.create(operator.client(), new ClientId(read.clientId()),
                                read.audience(), read.scope()).mapLeft(ManagementErrors::map)))
                .map(grant -> ManagementJson.created(render(grant))));
    }

    @Get(uri = "/client-grants", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        ClientGrantFilter filter = new ClientGrantFilter(query(request, "client_id").filter(id -> !id.isBlank()).map(ClientId::new),
                query(request, "audience").filter(audience -> !audience.isBlank()));
        boolean checkpoint = query(request, "from").isDefined() || query(request, "take").isDefined();
        return answer(auth.require(request, "read:client_grants")
                .flatMap(operator -> checkpoint ? checkpoint(request, filter) : offset(request, filter)));
    }

    @Get(uri = "/client-grants/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "read:client_grants")
                .flatMap(operator -> grants.find(id).mapLeft(ManagementErrors::map))
                .map(grant -> ManagementJson.ok(render(grant))));
    }

    @Patch(uri = "/client-grants/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "update:client_grants")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> BodyReader.read(json, ClientGrantsController::requiredScope))
                        .flatMap(scope -> grants.updateScope(operator.client(), id, scope)
                                .mapLeft(ManagementErrors::map)))
                .map(grant -> ManagementJson.ok(render(grant))));
    }

    @Delete(uri = "/client-grants/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "delete:client_grants")
                .flatMap(operator -> grants.delete(operator.client(), id).mapLeft(ManagementErrors::map))
                .map(deleted -> ManagementJson.noContent()));
    }

    private Either<ManagementError, HttpResponse<byte[]>> offset(HttpRequest<?> request, ClientGrantFilter filter) {
        return PageRequest.parse(request, DEFAULT_PER_PAGE, MAX_PER_PAGE).map(page -> {
            Listing<ClientGrant> listing = grants.list(filter, (int) Math.min(page.offset(), Integer.MAX_VALUE),
                    page.perPage());
            return ManagementJson.ok(page.render("client_grants", listing.items().map(ClientGrantsController::render)
                    .toJavaList(), listing.total(), false));
        });
    }

    /** One more than asked is read, to know whether there is a next page to point at. */
    private Either<ManagementError, HttpResponse<byte[]>> checkpoint(HttpRequest<?> request, ClientGrantFilter filter) {
        Option<String> from = query(request, "from").filter(value -> !value.isBlank());
        return take(query(request, "take")).map(take -> {
            List<ClientGrant> read = grants.listFrom(filter, from, take + 1);
            List<ClientGrant> page = read.take(take);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("client_grants", page.map(ClientGrantsController::render).toJavaList());
            if (read.size() > take) {
                body.put("next", page.last().id());
            }
            return ManagementJson.ok(body);
        });
    }

    private static Either<ManagementError, Integer> take(Option<String> raw) {
        if (raw.isEmpty() || raw.get().isEmpty()) {
            return Either.right(DEFAULT_PER_PAGE);
        }
        try {
            int take = Integer.parseInt(raw.get());
            if (take >= 1 && take <= MAX_PER_PAGE) {
                return Either.right(take);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Either.left(ManagementError.invalidQuery(
                "Query validation error: 'take' must be an integer between 1 and " + MAX_PER_PAGE + "."));
    }

    private static List<String> requiredScope(BodyReader reader) {
        return reader.texts("scope", 200, 280).getOrElseThrow(() ->
                BodyReader.refuse("Payload validation error: 'Missing required property: scope'."));
    }

    private record NewGrant(String clientId, String audience, List<String> scope) {
    }

    static Map<String, Object> render(ClientGrant grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", grant.id());
        body.put("client_id", grant.clientId().value());
        body.put("audience", grant.audience());
        body.put("scope", grant.scope().toJavaList());
        return body;
    }

    private static Option<String> query(HttpRequest<?> request, String name) {
        return Option.ofOptional(request.getParameters().getFirst(name));
    }

    private static HttpResponse<byte[]> answer(Either<ManagementError, ? extends HttpResponse<byte[]>> outcome) {
        return outcome.fold(ManagementError::toResponse, response -> response);
    }
}
