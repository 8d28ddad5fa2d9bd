package io.twofold.mfa.port.in;

import io.vavr.control.Option;

/**
 * Where a request came from: the socket peer's address, and the end-user IP a backend claims in
 * {@code auth0-forwarded-for} (spec 2.6), both as received. None of either when the host has no
 * address to give (a library embedding with no HTTP edge).
 */
public record RequestOrigin(Option<String> clientIp, Option<String> forwardedFor) {
    public static final RequestOrigin UNKNOWN = new RequestOrigin(Option.none(), Option.none());

    /**
     * The end user's IP: the {@code auth0-forwarded-for} value when a confidential client has
     * authenticated in this request (a backend that proved its secret speaks for its end user),
     * else the socket peer. A public client could send a new address with every request and so
     * dodge every limit kept per address.
     */
    public Option<String> endUserIp(boolean confidentialClientAuthenticated) {
        Option<String> forwarded = forwardedFor.map(String::strip).filter(ip -> !ip.isEmpty());
        return confidentialClientAuthenticated && forwarded.isDefined() ? forwarded : clientIp;
    }

    @Override
    public String toString() {
        // No addresses: commands and their parts may end up in a log line.
        return "RequestOrigin[***]";
    }
}
