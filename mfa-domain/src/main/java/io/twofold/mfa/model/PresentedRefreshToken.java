package io.twofold.mfa.model;

/**
 * What the store knows of a presented refresh token: its family, and whether a rotation has already
 * retired it (then presenting it again is reuse).
 */
public record PresentedRefreshToken(SecretHash tokenHash, RefreshFamily family, boolean retired) {
}
