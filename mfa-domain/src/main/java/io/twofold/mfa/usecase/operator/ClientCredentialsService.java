package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.policy.UserTokenScopes;
import io.twofold.mfa.port.in.MachineLogin;
import io.twofold.mfa.port.in.MachineLoginCommand;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.twofold.mfa.usecase.internal.RegisteredApis;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * The {@code client_credentials} grant: an authenticated confidential client that lists the grant
 * and holds a client grant for a registered API gets a token for it, with the granted scopes (or the
 * requested subset) and the API's token lifetime. Every outcome is audited, failures with the reason.
 */
final class ClientCredentialsService implements MachineLogin {
    static final String SUCCESS = "token.client_credentials.success";
    static final String FAILURE = "token.client_credentials.failure";

    private final ClientGate clientGate;
    private final RegisteredApis apis;
    private final ClientGrantStore grants;
    private final TokenIssuer tokens;
    private final AuditTrail audit;
    private final Clock clock;

    ClientCredentialsService(ClientGate clientGate, RegisteredApis apis, ClientGrantStore grants, TokenIssuer tokens,
                             AuditTrail audit, Clock clock) {
        this.clientGate = clientGate;
        this.apis = apis;
        this.grants = grants;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Either<MfaError, IssuedTokens> login(MachineLoginCommand command) {
        Either<MfaError, Client> client = clientGate.authorize(command.client(), GrantType.CLIENT_CREDENTIALS)
                .flatMap(found -> found.confidential()
                        ? Either.right(found)
                        : Either.left(new MfaError.UnauthorizedClient(GrantType.CLIENT_CREDENTIALS.wireName())));
        if (client.isLeft()) {
            // Not authenticated: the presented id may be anything, so the event names no client.
            audit.record(FAILURE, Option.none(), Option.none(), "reason", reason(client.getLeft()));
            return Either.left(client.getLeft());
        }
        Client authenticated = client.get();
        Either<MfaError, IssuedTokens> issued = command.audience().filter(audience -> !audience.isBlank())
                .toEither(() -> (MfaError) new MfaError.MissingAudience())
                .flatMap(audience -> apis.find(audience).toEither(() -> (MfaError) new MfaError.UnknownAudience(audience)))
                .flatMap(api -> grants.find(authenticated.id(), api.identifier())
                        .toEither(() -> (MfaError) new MfaError.NoClientGrant(api.identifier()))
                        .map(grant -> issue(authenticated, api, grant, command.scope())));
        issued.orElseRun(error -> audit.record(FAILURE, Option.none(), Option.some(authenticated.id()),
                "reason", reason(error), "audience", command.audience().getOrElse("")));
        return issued;
    }

    private IssuedTokens issue(Client client, ResourceServer api, ClientGrant grant, Scope requested) {
        Scope scope = UserTokenScopes.forClient(api, grant.scope(), requested);
        IssuedTokens issued = tokens.issueForClient(new MachineTokenRequest(client.id(), api.identifier(), scope,
                api.tokenLifetime(), clock.instant()));
        audit.record(SUCCESS, Option.none(), Option.some(client.id()), "audience", api.identifier(),
                "client_grant_id", grant.id());
        return issued;
    }

    private static String reason(MfaError error) {
        return error.getClass().getSimpleName();
    }
}
