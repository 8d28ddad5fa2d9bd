package io.twofold.mfa.http.management.factors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.operator.FactorAdministration;
import io.twofold.mfa.port.in.operator.GuardianEnrollments;

import java.util.Map;

import static io.twofold.mfa.http.management.factors.AuthenticationMethodsController.READ_PII;
import static io.twofold.mfa.http.management.factors.AuthenticationMethodsController.actor;
import static io.twofold.mfa.http.management.factors.AuthenticationMethodsController.answer;

/**
 * The older ways to reach a user's factors (spec 4.9 to 4.14): the Guardian enrollments, deleting
 * all authenticators, by provider, the recovery code, remembered browsers. The POSTs ignore their
 * body whatever it is (none, empty, {@code ""}, {@code {}}), as the SDKs send all of these (spec 1.3).
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserFactorsController {
    static final String UPDATE_USERS = "update:users";
    static final String READ_USERS = "read:users";
    static final String READ_ENROLLMENTS = "read:guardian_enrollments";
    static final String DELETE_ENROLLMENTS = "delete:guardian_enrollments";

    private final ManagementAuth auth;
    private final FactorAdministration factors;
    private final GuardianEnrollments enrollments;

    UserFactorsController(ManagementAuth auth, FactorAdministration factors, GuardianEnrollments enrollments) {
        this.auth = auth;
        this.factors = factors;
        this.enrollments = enrollments;
    }

    @Delete("/users/{id}/authenticators")
    HttpResponse<byte[]> deleteAuthenticators(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, DELETE_ENROLLMENTS)
                .flatMap(operator -> answer(factors.removeAll(actor(operator), new UserId(id))))
                .fold(ManagementError::toResponse, removed -> ManagementJson.noContent());
    }

    @Get("/users/{id}/enrollments")
    HttpResponse<byte[]> userEnrollments(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, READ_USERS).flatMap(operator -> answer(enrollments.ofUser(new UserId(id)))
                        .map(all -> all.map(e -> FactorJson.enrollment(e, operator.holds(READ_PII))).toJavaList()))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Get("/guardian/enrollments/{id}")
    HttpResponse<byte[]> enrollment(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, READ_ENROLLMENTS).flatMap(operator -> answer(enrollments.find(id))
                        .map(e -> FactorJson.enrollment(e, operator.holds(READ_PII))))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Delete("/guardian/enrollments/{id}")
    HttpResponse<byte[]> deleteEnrollment(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, DELETE_ENROLLMENTS)
                .flatMap(operator -> answer(enrollments.remove(actor(operator), id)))
                .fold(ManagementError::toResponse, removed -> ManagementJson.noContent());
    }

    @Post(uri = "/users/{id}/recovery-code-regeneration", consumes = MediaType.ALL)
    HttpResponse<byte[]> regenerateRecoveryCode(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, UPDATE_USERS)
                .flatMap(operator -> answer(factors.regenerateRecoveryCode(actor(operator), new UserId(id))))
                .fold(ManagementError::toResponse, code -> ManagementJson.ok(Map.of("recovery_code", code)));
    }

    @Delete("/users/{id}/multifactor/{provider}")
    HttpResponse<byte[]> deleteProvider(HttpRequest<?> request, @PathVariable String id, @PathVariable String provider) {
        return auth.require(request, UPDATE_USERS)
                .flatMap(operator -> answer(factors.removeProvider(actor(operator), new UserId(id), provider)))
                .fold(ManagementError::toResponse, removed -> ManagementJson.noContent());
    }

    @Post(uri = "/users/{id}/multifactor/actions/invalidate-remember-browser", consumes = MediaType.ALL)
    HttpResponse<byte[]> invalidateRememberBrowser(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, UPDATE_USERS)
                .flatMap(operator -> answer(factors.forgetRememberedBrowsers(actor(operator), new UserId(id))))
                .fold(ManagementError::toResponse, user -> ManagementJson.noContent());
    }
}
