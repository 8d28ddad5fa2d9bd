package io.twofold.mfa.app.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SigningAlgorithm;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Reads one client or one user entry of the bootstrap file. */
final class BootstrapEntries {
    /** The JDBC client registry refuses shorter secrets; saying so here names the entry at fault. */
    static final int MIN_CLIENT_SECRET = 32;
    static final int MIN_PASSWORD = 8;
    private static final Set<String> CLIENT = Set.of("client_id", "client_secret", "name", "grant_types", "mfa_policy",
            "refresh_token", "client_authentication_methods");
    private static final Set<String> USER = Set.of("realm", "username", "email", "password");
    private static final Set<String> API = Set.of("identifier", "name", "scopes", "token_lifetime",
            "allow_offline_access", "signing_alg");
    private static final Set<String> SCOPE = Set.of("value", "description");
    private static final Set<String> GRANT = Set.of("client_id", "audience", "scope");
    /** Auth0 grant types Twofold does not serve: a client exported from Auth0 keeps its list, these are left out. */
    private static final io.vavr.collection.Set<String> UNSERVED = GrantType.UNSERVED_AUTH0;

    private BootstrapEntries() {
    }

    static BootstrapFile.ClientEntry client(JsonNode node, String where) {
        Members members = Members.of(node, where, CLIENT);
        String id = members.requiredText("client_id", 1, 128);
        Option<String> secret = members.optionalText("client_secret", MIN_CLIENT_SECRET, 512);
        String name = members.optionalText("name", 1, 200).getOrElse(id);
        List<String> listed = members.textArray("grant_types");
        List<String> unserved = listed.filter(UNSERVED::contains);
        List<GrantType> grants = listed.removeAll(unserved).map(grant -> grantType(grant, members));
        String policyName = members.requiredText("mfa_policy", 1, 20);
        MfaPolicy policy = MfaPolicy.byWireName(policyName).getOrElseThrow(() ->
                Members.fail(members.path("mfa_policy") + " must be one of always, never, enrolled"));
        List<ClientPublicKey> keys = CredentialsEntry.read(members.optionalObject("client_authentication_methods"),
                members.path("client_authentication_methods"), new ClientId(id), Instant.now());
        if (keys.nonEmpty() && secret.isDefined()) {
            throw Members.fail(members.path("client_secret") + " and client_authentication_methods.private_key_jwt"
                    + " exclude each other: a client authenticates one way");
        }
        Client client = new Client(new ClientId(id), name, secret.isDefined() || keys.nonEmpty(), grants.toSet(), policy,
                RefreshTokenEntry.read(members.optionalObject("refresh_token"), members.path("refresh_token")));
        return new BootstrapFile.ClientEntry(client, secret, keys, unserved);
    }

    /** Accepts Auth0's wire names and, for the Auth0 extension grants, the short form after {@code grant-type/}. */
    private static GrantType grantType(String name, Members members) {
        return GrantType.byWireOrShortName(name)
                .getOrElseThrow(() -> Members.fail(members.path("grant_types") + " has an unknown grant type; served: "
                        + List.of(GrantType.values()).map(GrantType::wireName).mkString(", ")
                        + "; known to Auth0 but not served (ignored): " + UNSERVED.mkString(", ")));
    }

    /** A registered API: Auth0's resource server members; {@code signing_alg} RS256 (the default) or ES256. */
    static BootstrapFile.ApiEntry resourceServer(JsonNode node, String where) {
        Members members = Members.of(node, where, API);
        String identifier = members.requiredText("identifier", 1, 600);
        String name = members.optionalText("name", 1, 200).getOrElse(identifier);
        SigningAlgorithm signingAlg = members.optionalText("signing_alg", 1, 16)
                .map(alg -> SigningAlgorithm.byName(alg).getOrElseThrow(() -> Members.fail(members.path("signing_alg")
                        + " must be " + SigningAlgorithm.allowedNames()
                        + ": Twofold signs access tokens with its published keys, never with a shared secret")))
                .getOrElse(SigningAlgorithm.RS256);
        List<ApiScope> scopes = members.optionalArray("scopes").map(array -> List.ofAll(array).zipWithIndex()
                .map(entry -> {
                    Members scope = Members.of(entry._1, members.path("scopes") + "[" + entry._2 + "]", SCOPE);
                    String value = scope.requiredText("value", 1, 280);
                    if (value.chars().anyMatch(Character::isWhitespace)) {
                        throw Members.fail(scope.path("value") + " must be one word");
                    }
                    return new ApiScope(value, scope.optionalText("description", 1, 500).getOrElse(""));
                })).getOrElse(List.empty());
        if (scopes.map(ApiScope::value).distinct().size() != scopes.size()) {
            throw Members.fail(members.path("scopes") + " repeats a value");
        }
        Option<Duration> lifetime = members.optionalInteger("token_lifetime", 1, 2_592_000).map(Duration::ofSeconds);
        boolean offline = members.optionalBoolean("allow_offline_access").getOrElse(false);
        return new BootstrapFile.ApiEntry(identifier, name, scopes, lifetime, offline, signingAlg);
    }

    /** A client grant; the audience {@code "management"} stands for the Management API, {@code {issuer}api/v2/}. */
    static BootstrapFile.GrantEntry clientGrant(JsonNode node, String where) {
        Members members = Members.of(node, where, GRANT);
        return new BootstrapFile.GrantEntry(new ClientId(members.requiredText("client_id", 1, 128)),
                members.requiredText("audience", 1, 600),
                members.optionalArray("scope").map(array -> members.textArray("scope")).getOrElse(List.empty()),
                where);
    }

    static BootstrapFile.UserEntry user(JsonNode node, String where, String defaultRealm) {
        Members members = Members.of(node, where, USER);
        String realm = members.optionalText("realm", 1, 128).getOrElse(defaultRealm);
        String username = members.requiredText("username", 1, 254);
        Option<EmailAddress> email = members.optionalText("email", 3, 254).map(raw -> EmailAddress.parse(raw)
                .getOrElseThrow(reason -> Members.fail(members.path("email") + " is not a valid email address")));
        String password = members.requiredText("password", MIN_PASSWORD, 1024);
        return new BootstrapFile.UserEntry(realm, username, email, password);
    }
}
