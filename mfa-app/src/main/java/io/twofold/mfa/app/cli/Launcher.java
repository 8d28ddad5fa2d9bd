package io.twofold.mfa.app.cli;

import io.twofold.mfa.app.TwofoldApplication;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

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
            // A command's progress and summary are its interface, not logging: they go to the terminal,
            // through streams made here once (everything else in the code base logs instead).
            Charset charset = Charset.defaultCharset();
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
            int exit = Commands.shipped().run(args, out, err);
            out.flush();
            err.flush();
            System.exit(exit);
            return;
        }
        TwofoldApplication.main(args);
    }
}
