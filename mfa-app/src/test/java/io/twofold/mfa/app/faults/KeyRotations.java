package io.twofold.mfa.app.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scenario 5's steps: MFA API access tokens from a chosen node (a password login for the MFA API
 * audience completed with a recovery code, each use handing out the next code), the kid that signed
 * a token, the kids a node's JWKS publishes, and restarting the nodes one at a time with new settings.
 */
final class KeyRotations {
    static final String ISSUER = "http://twofold.faults.test/";
    static final String MFA_API = ISSUER + "mfa/";
    /** The sealing key scenario 5 rotates to; the rig starts with {@link FaultRig#SEALING_KEY} as k1. */
    static final String NEW_SEALING_KEY = Base64.getEncoder().encodeToString(new byte[] {
            32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1});

    private final FaultRig rig;
    private final FaultClient client;
    private final String user;
    private String recoveryCode;

    /** Tokens for {@code enrolled}'s user, starting from the recovery code of its enrollment. */
    KeyRotations(FaultRig rig, Flows.Enrolled enrolled) {
        this.rig = rig;
        this.client = rig.client;
        this.user = enrolled.user();
        this.recoveryCode = enrolled.recoveryCode();
    }

    /** An MFA API access token signed by {@code node}, or null when a step was refused. */
    synchronized String mfaApiToken(Node node) {
        Answer login = client.login(node, user, MFA_API, "read:authenticators");
        if (!login.error().equals("mfa_required")) {
            return null;
        }
        Answer completed = client.recovery(node, login.text("mfa_token"), recoveryCode);
        if (!completed.ok()) {
            return null;
        }
        recoveryCode = completed.text("recovery_code");
        return completed.text("access_token");
    }

    /** The kid in a JWT's header. */
    static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        int at = header.indexOf("\"kid\"");
        int start = header.indexOf('"', header.indexOf(':', at) + 1) + 1;
        return header.substring(start, header.indexOf('"', start));
    }

    /** The kids of the RSA keys {@code node}'s JWKS publishes, in its order (the EC keys rotate beside them). */
    List<String> publishedKids(Node node) {
        List<String> kids = new ArrayList<>();
        for (JsonNode key : client.get(node, ".well-known/jwks.json", null).body().path("keys")) {
            if (key.path("kty").asText().equals("RSA")) {
                kids.add(key.path("kid").asText());
            }
        }
        return kids;
    }

    /** The current signing key's kid, read from the database. */
    String currentKidInTheDatabase() {
        try (var connection = rig.postgres.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT kid FROM signing_keys WHERE slot = 'current'")) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Restarts each node in turn with {@code changes} to its settings (a null value removes the setting),
     * the other one serving meanwhile; tells {@code notes} how long each took.
     */
    void rollingRestart(Map<String, String> changes, Consumer<String> notes) {
        for (Node node : rig.nodes) {
            long started = System.nanoTime();
            if (node.alive()) {
                node.terminate(FaultRig.SHUTDOWN_GRACE.plusSeconds(10));
            }
            changes.forEach((key, value) -> {
                if (value == null) {
                    node.environment().remove(key);
                } else {
                    node.environment().put(key, value);
                }
            });
            node.start(FaultRig.START_WITHIN);
            notes.accept(node.name + " restarted with " + changes.keySet() + " as pid " + node.pid() + " in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        }
    }
}
