package io.twofold.mfa.http.api.request;

import io.micronaut.http.HttpRequest;
import io.twofold.mfa.port.in.RequestOrigin;
import io.vavr.control.Option;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where a request came from: the socket peer's address, and the end-user IP a backend claims in
 * {@code auth0-forwarded-for} (spec 2.6). Both are passed on as received; the domain decides whether
 * to trust the header (only from a confidential client that authenticated).
 */
public final class RequestOrigins {

    public static final String FORWARDED_FOR = "auth0-forwarded-for";

    private RequestOrigins() {
    }

    public static RequestOrigin of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        Option<String> clientIp = Option.of(remote)
                .map(socket -> Option.of(socket.getAddress()).map(InetAddress::getHostAddress)
                        .getOrElse(socket::getHostString));
        Option<String> forwarded = Option.ofOptional(request.getHeaders().getFirst(FORWARDED_FOR))
                .map(String::strip).filter(value -> !value.isEmpty());
        return new RequestOrigin(clientIp, forwarded);
    }
}
