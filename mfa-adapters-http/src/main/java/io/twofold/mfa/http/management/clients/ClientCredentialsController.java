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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementErrors;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.in.operator.ClientKeyAdministration;
import io.vavr.control.Either;

/**
 * {@code /api/v2/clients/{id}/credentials}: the public keys a client signs its assertions with (Private
 * Key JWT). A key added here verifies once the client uses {@code private_key_jwt} (a PATCH of its
 * {@code client_authentication_methods}); a key deleted stops verifying at once.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = ClientKeyAdministration.class)
public class ClientCredentialsController {
    private final ClientKeyAdministration keys;
    private final ManagementAuth auth;

    public ClientCredentialsController(ClientKeyAdministration keys, ManagementAuth auth) {
        this.keys = keys;
        this.auth = auth;
    }

    @Post(uri = "/clients/{id}/credentials", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> create(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return answer(auth.require(request, "create:client_credentials")
                .flatMap(operator -> ManagementJson.object(body).flatMap(CredentialBodies::newKey)
                        .flatMap(key -> keys.add(operator.client(), new ClientId(id), key).mapLeft(ManagementErrors::map)))
                .map(key -> ManagementJson.created(CredentialBodies.render(key))));
    }

    @Get(uri = "/clients/{id}/credentials", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> list(HttpRequest<?> request, @PathVariable String id) {
        return answer(auth.require(request, "read:client_credentials")
                .flatMap(operator -> keys.list(new ClientId(id)).mapLeft(ManagementErrors::map))
                .map(found -> ManagementJson.ok(found.map(CredentialBodies::render).toJavaList())));
    }

    @Get(uri = "/clients/{id}/credentials/{credentialId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable String id, @PathVariable String credentialId) {
        return answer(auth.require(request, "read:client_credentials")
                .flatMap(operator -> keys.find(new ClientId(id), credentialId).mapLeft(ManagementErrors::map))
                .map(key -> ManagementJson.ok(CredentialBodies.render(key))));
    }

    @Delete(uri = "/clients/{id}/credentials/{credentialId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable String id,
                                       @PathVariable String credentialId) {
        return answer(auth.require(request, "delete:client_credentials")
                .flatMap(operator -> keys.remove(operator.client(), new ClientId(id), credentialId)
                        .mapLeft(ManagementErrors::map))
                .map(removed -> ManagementJson.noContent()));
    }

    private static HttpResponse<byte[]> answer(Either<ManagementError, ? extends HttpResponse<byte[]>> outcome) {
        return outcome.fold(ManagementError::toResponse, response -> response);
    }
}
