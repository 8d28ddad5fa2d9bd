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
            System.exit(Commands.shipped().run(args, System.out, System.err));
            return;
        }
        TwofoldApplication.main(args);
    }
}
