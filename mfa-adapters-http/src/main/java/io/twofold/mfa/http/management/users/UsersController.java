package io.twofold.mfa.http.management.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.twofold.mfa.port.in.operator.UserAdministration;
import io.vavr.control.Either;


/**
 * The users of the Management API (spec 3): create, read, search, users-by-email, update (block,
 * password, metadata) and delete. Each endpoint checks its scope first, then its input; every
 * refusal is in Auth0's error shape.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsersController {
    /** Auth0's default and largest page of users. */
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ManagementAuth auth;
    private final UserAdministration users;

    public UsersController(ManagementAuth auth, UserAdministration users) {
        this.auth = auth;
        this.users = users;
    }

    @Post(uri = "/users", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return respond(auth.require(request, "create:users")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> read(() -> UserBodies.newUser(json)))
                        .flatMap(user -> users.create(operator.client(), user).mapLeft(ManagementErrors::map)))
                .map(user -> ManagementJson.created(UserJson.of(user))));
    }

    @Get(uri = "/users/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable("id") String id) {
        return respond(auth.require(request, "read:users")
                .flatMap(operator -> UserPaths.userId(request, id))
                .flatMap(userId -> selection(request)
                        .flatMap(selection -> users.find(userId).mapLeft(ManagementErrors::map)
                                .map(user -> ManagementJson.ok(selection.apply(UserJson.of(user)))))));
    }

    @Get(uri = "/users", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        return respond(auth.require(request, "read:users")
                .flatMap(operator -> PageRequest.parse(request, DEFAULT_PER_PAGE, MAX_PER_PAGE))
                .flatMap(page -> UserSearchParams.query(request)
                        .flatMap(query -> UserSearchParams.sort(request)
                        .flatMap(sort -> selection(request)
                        .flatMap(selection -> users.search(query, sort, Math.toIntExact(page.offset()), page.perPage())
                                .mapLeft(ManagementErrors::map)
                                .map(found -> ManagementJson.ok(page.render("users",
                                        found.users().map(u -> selection.apply(UserJson.of(u))).toJavaList(),
                                        found.total(), true))))))));
    }

    @Get(uri = "/users-by-email", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> byEmail(HttpRequest<?> request) {
        return respond(auth.require(request, "read:users")
                .flatMap(operator -> request.getParameters().getFirst("email")
                        .map(Either::<ManagementError, String>right)
                        .orElseGet(() -> Either.left(UserSearchParams.invalid("Missing required property: email"))))
                .flatMap(email -> selection(request)
                        .flatMap(selection -> users.findByEmail(email)
                                .<ManagementError>mapLeft(error -> UserSearchParams.invalid("email is not a valid email address"))
                                .map(found -> ManagementJson.ok(found.map(u -> selection.apply(UserJson.of(u))).toJavaList())))));
    }

    @Patch(uri = "/users/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable("id") String id, @Nullable @Body byte[] body) {
        // update:users_app_metadata alone may change metadata only (Auth0's scope for app_metadata).
        return respond(auth.require(request, "update:users", "update:users_app_metadata")
                .flatMap(operator -> UserPaths.userId(request, id)
                        .flatMap(userId -> ManagementJson.object(body)
                                .flatMap(json -> mayChange(operator, json))
                                .flatMap(json -> read(() -> UserBodies.changes(json)))
                                .flatMap(changes -> users.update(operator.client(), userId, changes)
                                        .mapLeft(ManagementErrors::map))))
                .map(user -> ManagementJson.ok(UserJson.of(user))));
    }

    @Delete(uri = "/users/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable("id") String id) {
        return respond(auth.require(request, "delete:users")
                .flatMap(operator -> UserPaths.userId(request, id)
                        .flatMap(userId -> users.delete(operator.client(), userId).mapLeft(ManagementErrors::map)))
                .map(removed -> ManagementJson.noContent()));
    }

    private static Either<ManagementError, ObjectNode> mayChange(Operator operator, ObjectNode json) {
        return operator.holds("update:users") || UserBodies.onlyMetadata(json)
                ? Either.right(json) : Either.left(ManagementError.insufficientScope("update:users"));
    }

    private static Either<ManagementError, UserJson.Selection> selection(HttpRequest<?> request) {
        return PageRequest.bool(request.getParameters().getFirst("include_fields").orElse("true"), "include_fields")
                .map(include -> UserJson.Selection.of(request.getParameters().getFirst("fields").orElse(null), include));
    }

    private static <T> Either<ManagementError, T> read(java.util.function.Supplier<T> reader) {
        try {
            return Either.right(reader.get());
        } catch (UserBodies.Invalid invalid) {
            return Either.left(invalid.error);
        }
    }

    private static HttpResponse<byte[]> respond(Either<ManagementError, ? extends HttpResponse<byte[]>> result) {
        return result.fold(ManagementError::toResponse, response -> response);
    }
}
