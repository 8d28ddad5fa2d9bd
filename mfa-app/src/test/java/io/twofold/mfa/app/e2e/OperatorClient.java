package io.twofold.mfa.app.e2e;

import io.twofold.mfa.policy.BuiltInApis;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A machine client registered through the operator API itself, with a client grant for the whole
 * Management API: what an operator does on day one so that scripts and SDKs get their own tokens.
 */
record OperatorClient(String clientId, String clientSecret) {

    /** Registers it with a token that may create clients and client grants. */
    static OperatorClient register(ApiClient api, String bootstrapToken, String name) {
        String bearer = "Bearer " + bootstrapToken;
        ApiResponse client = api.postJson("api/v2/clients", Map.of("name", name, "app_type", "non_interactive",
                "grant_types", java.util.List.of("client_credentials")), "Authorization", bearer);
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        String clientId = client.text("client_id");
        ApiResponse grant = api.postJson("api/v2/client-grants", Map.of("client_id", clientId,
                "audience", RunningApp.ISSUER + "api/v2/", "scope", BuiltInApis.MANAGEMENT_SCOPES.toJavaList()),
                "Authorization", bearer);
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        return new OperatorClient(clientId, client.text("client_secret"));
    }
}
