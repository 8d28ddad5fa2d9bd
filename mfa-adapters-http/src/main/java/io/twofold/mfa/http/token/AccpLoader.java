package io.twofold.mfa.http.token;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.vavr.control.Either;

/**
 * The only class that names ACCP's types, so a JVM without its jar (or its native library) fails
 * here, inside the catch, and not while loading the token classes.
 */
final class AccpLoader {
    private static final int MAX_REASON = 200;

    private AccpLoader() {
    }

    /** ACCP when its native library loaded and its self-tests passed; else why not, in one short line. */
    static Either<String, RsaSigningProvider> load() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loadingError = accp.getLoadingError();
            if (loadingError != null) {
                return Either.left(reason(loadingError));
            }
            // Runs the known-answer self-tests once (about 150 ms at start-up); a failure means the
            // native code cannot be trusted to sign, so the JDK does it instead.
            accp.assertHealthy();
            return Either.right(new RsaSigningProvider(accp, true, accp.getName() + " " + accp.getVersionStr()
                    + " (native " + accp.getAwsLcVersionStr() + ")"));
        } catch (RuntimeException | LinkageError e) {
            return Either.left(reason(e));
        }
    }

    /** No key has reached ACCP yet, so the reason can only name the platform problem, never key material. */
    private static String reason(Throwable problem) {
        String message = problem.getMessage();
        String reason = problem.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.strip().replaceAll("\\s+", " "));
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }
}
