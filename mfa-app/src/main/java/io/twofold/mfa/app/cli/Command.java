package io.twofold.mfa.app.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One operator command run by {@code java -jar mfa-app.jar <name> ...} against the configured
 * database, without starting the HTTP server.
 */
public interface Command {

    /** The first word on the command line. */
    String name();

    /** One line for the usage text: the arguments and what the command does. */
    String usage();

    /**
     * Runs the command with the arguments after its name; progress and the summary go to {@code out},
     * problems to {@code err}. Returns the process exit code (0 when everything was done).
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
