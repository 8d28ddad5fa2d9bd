package io.twofold.mfa.app.cli;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The operator commands the jar knows. A first argument that is not an option ({@code -...}) names
 * one of them; without one, the jar starts the server.
 */
public final class Commands {
    private final List<Command> commands;

    public Commands(List<Command> commands) {
        this.commands = commands;
    }

    /**
     * Every command this build ships. Add a command here.
     *
     * @param storage opens the configured database, for the commands that use it, when they run
     */
    public static Commands shipped(Supplier<JdbcStorage> storage) {
        return new Commands(List.of(new ImportCommand(storage)));
    }

    /** Whether these arguments ask for a command rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Runs the named command; an unknown name prints the usage and answers exit code 2. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        String name = args[0];
        Option<Command> command = commands.find(candidate -> candidate.name().equals(name));
        if (command.isEmpty()) {
            err.println("Unknown command: " + name);
            err.println("Usage: java -jar mfa-app.jar [COMMAND ARGUMENTS...]   (no command: start the server)");
            commands.forEach(known -> err.println("  " + known.name() + " " + known.usage()));
            return 2;
        }
        return command.get().run(java.util.List.of(args).subList(1, args.length), out, err);
    }
}
