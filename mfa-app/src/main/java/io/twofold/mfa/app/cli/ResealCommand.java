package io.twofold.mfa.app.cli;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.Resealer;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code reseal [--batch-size N]}: seals every sealed value (TOTP seeds, signing keys) again under
 * MFA_SECRET_KEY, opening the old ones with MFA_SECRET_KEY_PREVIOUS. Safe while nodes run; run it
 * again after an interruption and it goes on where it stopped. Exit 0 when nothing is left under an
 * old key, so that MFA_SECRET_KEY_PREVIOUS can go.
 */
final class ResealCommand implements Command {
    static final int DEFAULT_BATCH = 500;
    private static final int MAX_BATCH = 10_000;

    private final OperatorStorage storage;

    ResealCommand(OperatorStorage storage) {
        this.storage = storage;
    }

    @Override
    public String name() {
        return "reseal";
    }

    @Override
    public String usage() {
        return "[--batch-size N]   seal every TOTP seed and signing key again under MFA_SECRET_KEY";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        int batchSize = DEFAULT_BATCH;
        if (!arguments.isEmpty()) {
            if (arguments.size() != 2 || !arguments.get(0).equals("--batch-size") || !arguments.get(1).matches("[0-9]{1,5}")
                    || Integer.parseInt(arguments.get(1)) < 1 || Integer.parseInt(arguments.get(1)) > MAX_BATCH) {
                err.println("Usage: java -jar mfa-app.jar reseal " + usage() + " (N from 1 to " + MAX_BATCH + ")");
                return 2;
            }
            batchSize = Integer.parseInt(arguments.get(1));
        }
        try (JdbcStorage jdbc = storage.open(storage.configuration())) {
            Resealer resealer = jdbc.resealer();
            out.println("Resealing under key " + resealer.currentKeyId() + ": " + resealer.remaining()
                    + " values are sealed under other keys.");
            Resealer.Summary summary = resealer.run(batchSize, Integer.MAX_VALUE, line -> {
                out.println(line);
                out.flush();
            });
            long remaining = resealer.remaining();
            out.println("Resealed " + summary.resealed() + " in " + summary.batches() + " batches; changed meanwhile "
                    + summary.changedMeanwhile() + "; cannot be opened " + summary.unopenable() + "; left under other keys "
                    + remaining + ".");
            if (remaining > 0) {
                err.println(summary.unopenable() > 0
                        ? "Some values cannot be opened with MFA_SECRET_KEY or MFA_SECRET_KEY_PREVIOUS: add the key they"
                        + " were sealed with to MFA_SECRET_KEY_PREVIOUS and run reseal again. Keep the old keys until then."
                        : "Some values changed while they were resealed: run reseal again.");
                return 1;
            }
            out.println("Every sealed value is under key " + resealer.currentKeyId()
                    + ": MFA_SECRET_KEY_PREVIOUS may be removed (restart the nodes without it).");
            return 0;
        }
    }
}
