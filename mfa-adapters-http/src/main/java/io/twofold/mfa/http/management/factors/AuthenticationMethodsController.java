package io.twofold.mfa.http.management.factors;

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
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementErrors;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.http.management.Operator;
import io.twofold.mfa.http.management.PageRequest;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.operator.FactorAdministration;
import io.vavr.control.Either;

/**
 * {@code /api/v2/users/{id}/authentication-methods} (spec 4.3 to 4.8). Reads mask phone numbers and
 * email addresses unless the token holds {@code read:authentication_methods_pii}; writes answer
 * with what was sent, unmasked, and never with a TOTP secret. {@code ?include_pending=true} lists
 * unconfirmed enrollments too, with {@code confirmed: false}.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthenticationMethodsController {
    static final String READ = "read:authentication_methods";
    static final String READ_PII = "read:authentication_methods_pii";
    static final String CREATE = "create:authentication_methods";
    static final String UPDATE = "update:authentication_methods";
    static final String DELETE = "delete:authentication_methods";
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ManagementAuth auth;
    private final FactorAdministration factors;

    AuthenticationMethodsController(ManagementAuth auth, FactorAdministration factors) {
        this.auth = auth;
        this.factors = factors;
    }

    @Get("/users/{id}/authentication-methods")
    HttpResponse<byte[]> list(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, READ).flatMap(operator -> PageRequest.parse(request, DEFAULT_PER_PAGE, MAX_PER_PAGE)
                .flatMap(page -> PageRequest.bool(request.getParameters().getFirst("include_pending").orElse(null),
                                "include_pending")
                        .flatMap(pending -> answer(factors.list(new UserId(id), pending)))
                        .map(all -> page.render("authenticators", FactorJson.methods(
                                all.drop((int) Math.min(page.offset(), all.size())).take(page.perPage()),
                                FactorJson.Shown.read(operator.holds(READ_PII))), all.size(), false))))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Get("/users/{id}/authentication-methods/{methodId}")
    HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable String id, @PathVariable String methodId) {
        return auth.require(request, READ).flatMap(operator -> answer(factors.find(new UserId(id), methodId))
                        .map(factor -> FactorJson.method(factor, FactorJson.Shown.read(operator.holds(READ_PII)))))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Post(uri = "/users/{id}/authentication-methods", consumes = MediaType.ALL)
    HttpResponse<byte[]> create(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return auth.require(request, CREATE).flatMap(operator -> ManagementJson.object(body)
                        .flatMap(FactorBodies::request)
                        .flatMap(factor -> answer(factors.add(actor(operator), new UserId(id), factor)))
                        .map(added -> FactorJson.method(added, FactorJson.Shown.WRITTEN)))
                .fold(ManagementError::toResponse, ManagementJson::created);
    }

    @Put(uri = "/users/{id}/authentication-methods", consumes = MediaType.ALL)
    HttpResponse<byte[]> replace(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return auth.require(request, UPDATE).flatMap(operator -> ManagementJson.array(body)
                        .flatMap(FactorBodies::requests)
                        .flatMap(all -> answer(factors.replaceAll(actor(operator), new UserId(id), all)))
                        .map(added -> FactorJson.methods(added, FactorJson.Shown.WRITTEN)))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Patch(uri = "/users/{id}/authentication-methods/{methodId}", consumes = MediaType.ALL)
    HttpResponse<byte[]> update(HttpRequest<?> request, @PathVariable String id, @PathVariable String methodId,
                                @Nullable @Body byte[] body) {
        return auth.require(request, UPDATE).flatMap(operator -> ManagementJson.object(body)
                        .flatMap(FactorBodies::change)
                        .flatMap(change -> answer(factors.update(actor(operator), new UserId(id), methodId, change)))
                        .map(updated -> FactorJson.method(updated, FactorJson.Shown.WRITTEN)))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Delete("/users/{id}/authentication-methods")
    HttpResponse<byte[]> deleteAll(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, DELETE)
                .flatMap(operator -> answer(factors.removeAll(actor(operator), new UserId(id))))
                .fold(ManagementError::toResponse, removed -> ManagementJson.noContent());
    }

    @Delete("/users/{id}/authentication-methods/{methodId}")
    HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable String id, @PathVariable String methodId) {
        return auth.require(request, DELETE)
                .flatMap(operator -> answer(factors.remove(actor(operator), new UserId(id), methodId)))
                .fold(ManagementError::toResponse, removed -> ManagementJson.noContent());
    }

    static io.twofold.mfa.model.ClientId actor(Operator operator) {
        return operator.client();
    }

    static <T> Either<ManagementError, T> answer(Either<io.twofold.mfa.error.OperatorError, T> outcome) {
        return outcome.mapLeft(ManagementErrors::map);
    }
}
