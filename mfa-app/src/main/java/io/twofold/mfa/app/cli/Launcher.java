package io.twofold.mfa.app.cli;

import io.twofold.mfa.app.TwofoldApplication;

/**
 * The jar's entry point: {@code java -jar mfa-app.jar COMMAND ...} runs an operator command; with no
 * command (or only options) it starts the server. Here rather than in {@link TwofoldApplication}, so
 * that the commands may use the configuration and the wiring without the root package depending on them.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            // A command's progress and summary are its interface, not logging: they go to the terminal.
            // This is the one class allowed the standard streams (HygieneRules); everything else logs.
            int exit;
            try (OperatorStorage storage = OperatorStorage.fromProcess()) {
                exit = Commands.shipped(storage).run(args, System.out, System.err);
            }
            System.out.flush();
            System.exit(exit);
            return;
        }
        TwofoldApplication.main(args);
    }
}
