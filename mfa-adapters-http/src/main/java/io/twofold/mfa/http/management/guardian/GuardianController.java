package io.twofold.mfa.http.management.guardian;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementErrors;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.model.FactorSetting;
import io.twofold.mfa.model.TenantMfaPolicy;
import io.twofold.mfa.port.in.operator.GuardianAdministration;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v2/guardian/factors}, {@code PUT /api/v2/guardian/factors/{name}} and
 * {@code GET|PUT /api/v2/guardian/policies} (spec 6.1 to 6.3).
 */
@Controller("/api/v2/guardian")
@ExecuteOn(TaskExecutors.BLOCKING)
public class GuardianController {
    private final ManagementAuth auth;
    private final GuardianAdministration guardian;

    public GuardianController(ManagementAuth auth, GuardianAdministration guardian) {
        this.auth = auth;
        this.guardian = guardian;
    }

    /** All eight factors, always, with {@code trial_expired: false}. */
    @Get("/factors")
    public HttpResponse<byte[]> factors(HttpRequest<?> request) {
        return auth.require(request, "read:guardian_factors")
                .map(operator -> guardian.factors().map(GuardianController::factor).toJavaList())
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    /** Body {@code {"enabled": true|false}}; answers {@code {"enabled": ...}} only, as Auth0 does. */
    @Put(uri = "/factors/{name}", consumes = MediaType.ALL)
    public HttpResponse<byte[]> setFactor(HttpRequest<?> request, @PathVariable String name, @Nullable @Body byte[] body) {
        return auth.require(request, "update:guardian_factors")
                .flatMap(operator -> ManagementJson.object(body)
                        .flatMap(json -> enabled(json.get("enabled")))
                        .flatMap(enabled -> guardian.setFactor(operator.client(), name, enabled)
                                .mapLeft(ManagementErrors::map)))
                .map(setting -> Map.of("enabled", setting.enabled()))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    /** A bare array: {@code []} or {@code ["all-applications"]}. */
    @Get("/policies")
    public HttpResponse<byte[]> policies(HttpRequest<?> request) {
        return auth.require(request, "read:mfa_policies")
                .map(operator -> names(guardian.policies()))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Put(uri = "/policies", consumes = MediaType.ALL)
    public HttpResponse<byte[]> setPolicies(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return auth.require(request, "update:mfa_policies")
                .flatMap(operator -> ManagementJson.array(body)
                        .flatMap(GuardianController::strings)
                        .flatMap(names -> guardian.setPolicies(operator.client(), names).mapLeft(ManagementErrors::map)))
                .map(GuardianController::names)
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    private static Map<String, Object> factor(FactorSetting setting) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", setting.factor().factorName());
        json.put("enabled", setting.enabled());
        json.put("trial_expired", false);
        return json;
    }

    private static java.util.List<String> names(List<TenantMfaPolicy> policies) {
        return policies.map(TenantMfaPolicy::policyName).toJavaList();
    }

    private static Either<ManagementError, Boolean> enabled(JsonNode value) {
        return value != null && value.isBoolean()
                ? Either.right(value.booleanValue())
                : Either.left(ManagementError.badRequest("Payload validation error: 'enabled' must be a boolean."));
    }

    private static Either<ManagementError, List<String>> strings(com.fasterxml.jackson.databind.node.ArrayNode array) {
        List<JsonNode> items = List.ofAll(array);
        return items.forAll(JsonNode::isTextual)
                ? Either.right(items.map(JsonNode::textValue))
                : Either.left(ManagementError.badRequest("Payload validation error: the policies must be strings."));
    }
}
