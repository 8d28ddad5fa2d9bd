package io.twofold.mfa.app.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Set;

/** Reads one client or one user entry of the bootstrap file. */
final class BootstrapEntries {
    /** The JDBC client registry refuses shorter secrets; saying so here names the entry at fault. */
    static final int MIN_CLIENT_SECRET = 32;
    static final int MIN_PASSWORD = 8;
    private static final Set<String> CLIENT = Set.of("client_id", "client_secret", "name", "grant_types", "mfa_policy",
            "refresh_token");
    private static final Set<String> USER = Set.of("realm", "username", "email", "password");
    private static final String GRANT_PREFIX = "http://auth0.com/oauth/grant-type/";
    /**
     * Grant types an Auth0 client may list that Twofold does not serve: a client exported from Auth0
     * keeps its list, these are left out of it (and said at start-up), anything else is a typo.
     */
    private static final Set<String> UNSERVED = Set.of("authorization_code", "implicit", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:openid:params:grant-type:ciba", GRANT_PREFIX + "passwordless/otp", "passwordless/otp");

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
        Client client = new Client(new ClientId(id), name, secret.isDefined(), grants.toSet(), policy,
                RefreshTokenEntry.read(members.optionalObject("refresh_token"), members.path("refresh_token")));
        return new BootstrapFile.ClientEntry(client, secret, unserved);
    }

    /** Accepts Auth0's wire names and, for the Auth0 extension grants, the short form after {@code grant-type/}. */
    private static GrantType grantType(String name, Members members) {
        return GrantType.byWireName(name)
                .orElse(() -> GrantType.byWireName(GRANT_PREFIX + name))
                .getOrElseThrow(() -> Members.fail(members.path("grant_types") + " has an unknown grant type; served: "
                        + List.of(GrantType.values()).map(GrantType::wireName).mkString(", ")
                        + "; known to Auth0 but not served (ignored): " + List.ofAll(UNSERVED).sorted().mkString(", ")));
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
