package io.twofold.mfa.http.management;

import io.micronaut.http.HttpRequest;

/** Which requests belong to the Management API: everything under {@code /api/v2/}. */
public final class ManagementPaths {
    public static final String PREFIX = "/api/v2/";

    private ManagementPaths() {
    }

    public static boolean isManagement(HttpRequest<?> request) {
        String path = request.getPath();
        return path.startsWith(PREFIX) || path.equals("/api/v2");
    }
}
