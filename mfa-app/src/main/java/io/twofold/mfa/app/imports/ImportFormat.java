package io.twofold.mfa.app.imports;

/** The file formats an import reads: Auth0's users file (a JSON array) or a Keycloak realm export. */
public enum ImportFormat {
    AUTH0, KEYCLOAK
}
