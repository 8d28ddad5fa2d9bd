package io.twofold.mfa.otp.internal;

import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.policy.OtpParameters;

import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://} URI an authenticator app scans (the {@code barcode_uri} of spec 4.3 and 11).
 * It contains the seed, so it is a secret: it is returned once, to the enrolling user, and never logged.
 */
public final class OtpAuthUri {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OtpAuthUri() {
    }

    /**
     * {@code otpauth://totp/{issuer}:{account}?secret=...&issuer=...&algorithm=...&digits=...&period=...},
     * with issuer and account percent-encoded (a space is {@code %20}, never {@code +}).
     */
    public static String totp(String issuer, String account, OtpSeed seed, OtpParameters parameters) {
        String encodedIssuer = percentEncode(issuer);
        return "otpauth://totp/" + encodedIssuer + ":" + percentEncode(account)
                + "?secret=" + Base32.encode(seed.bytes())
                + "&issuer=" + encodedIssuer
                + "&algorithm=" + parameters.algorithm().name()
                + "&digits=" + parameters.digits()
                + "&period=" + parameters.period().toSeconds();
    }

    /**
     * RFC 3986 percent-encoding of everything but the unreserved characters. Not URLEncoder: that
     * writes a space as {@code +}, which authenticator apps show literally in the label.
     */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0x0f]).append(HEX[b & 0x0f]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
