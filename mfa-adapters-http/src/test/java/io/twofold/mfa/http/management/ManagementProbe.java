package io.twofold.mfa.http.management;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Factory;
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
import io.twofold.mfa.http.token.JwtSettings;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.secret.SecureRandomSource;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A Management API endpoint that exists only in {@link ManagementFoundationTest}'s environment, built the
 * way the real ones are: it checks the caller, reads paging and bodies, answers through {@link ManagementJson}.
 */
@Controller("/api/v2")
@Requires(env = ManagementFoundationTest.ENV)
class ManagementProbe {
    static final String ISSUER = "https://probe.test/";
    static final RSAKey KEY = generate();

    private final ManagementAuth auth;

    ManagementProbe(ManagementAuth auth) {
        this.auth = auth;
    }

    /** Items 0..24, paged. */
    @Get("/probes")
    HttpResponse<byte[]> list(HttpRequest<?> request) {
        return auth.require(request, "read:probes", "read:everything")
                .flatMap(operator -> PageRequest.parse(request, 10, 100))
                .map(page -> {
                    List<Map<String, Object>> all = IntStream.range(0, 25)
                            .mapToObj(i -> Map.<String, Object>of("id", "p" + i)).toList();
                    List<Map<String, Object>> items = all.subList((int) Math.min(page.offset(), all.size()),
                            (int) Math.min(page.offset() + page.perPage(), all.size()));
                    return page.render("probes", items, all.size(), true);
                })
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    /** Echoes the path id (decoded) and the object body it was sent. */
    @Post(uri = "/probes/{id}", consumes = MediaType.ALL)
    HttpResponse<byte[]> create(HttpRequest<?> request, @PathVariable String id, @Nullable @Body byte[] body) {
        return auth.require(request, "create:probes")
                .flatMap(operator -> ManagementJson.object(body)
                        .map(json -> Map.of("id", id, "body", json, "client", operator.client().value())))
                .fold(ManagementError::toResponse, ManagementJson::created);
    }

    @Delete("/probes/{id}")
    HttpResponse<byte[]> delete(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, "delete:probes")
                .fold(ManagementError::toResponse, operator -> ManagementJson.noContent());
    }

    @Get("/probes/fail")
    HttpResponse<byte[]> fail(HttpRequest<?> request) {
        throw new IllegalStateException("a bug with a secret: s3cr3t");
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("probe-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Factory
    @Requires(env = ManagementFoundationTest.ENV)
    static class Beans {
        @Singleton
        JwtTokenIssuer tokens() {
            return new JwtTokenIssuer(JwtSettings.forIssuer(ISSUER), Clock.systemUTC(), KEY, new SecureRandomSource());
        }
    }
}
