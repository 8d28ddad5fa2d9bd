package io.twofold.mfa.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.app.imports.ImportError;
import io.twofold.mfa.app.imports.ImportFormat;
import io.twofold.mfa.app.imports.ImportListener;
import io.twofold.mfa.app.imports.ImportRejection;
import io.twofold.mfa.app.imports.ImportRequest;
import io.twofold.mfa.app.imports.ImportSummary;
import io.twofold.mfa.app.imports.UserImporter;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.vavr.control.Either;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code import --format auth0|keycloak [--connection NAME] [--upsert] FILE}: imports the users of
 * an Auth0 users file or a Keycloak realm export into the configured database. Exit code 0 when
 * every user was imported, 1 when some (or the file) were rejected, 2 for a usage or configuration error.
 */
public final class ImportCommand implements Command {
    /** A progress line every this many users, or every {@link #PROGRESS_NANOS}, whichever comes first. */
    static final int PROGRESS_USERS = 1000;
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final Supplier<JdbcStorage> storage;

    /** @param storage opens the configured database (MFA_DB_URL, MFA_SECRET_KEY...) when the command runs */
    public ImportCommand(Supplier<JdbcStorage> storage) {
        this.storage = storage;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "--format auth0|keycloak [--connection NAME] [--upsert] FILE   import users (Auth0 users file or"
                + " Keycloak realm export); default connection " + JdbcUserDirectory.DEFAULT_REALM;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Either<String, Arguments> parsed = Arguments.parse(arguments);
        if (parsed.isLeft()) {
            err.println("import: " + parsed.getLeft());
            err.println("Usage: java -jar mfa-app.jar import " + usage());
            return 2;
        }
        Arguments args = parsed.get();
        if (!Files.isRegularFile(args.file()) || !Files.isReadable(args.file())) {
            err.println("import: cannot read " + args.file());
            return 2;
        }
        JdbcStorage database;
        try {
            database = storage.get();
        } catch (RuntimeException e) {
            // The configuration's messages name the setting to fix, never a secret.
            err.println("import: cannot open the database: " + e.getMessage());
            return 2;
        }
        Progress progress = new Progress(out);
        Either<ImportError, ImportSummary> result;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(args.file()))) {
            result = UserImporter.on(database).run(file, args.request(), progress);
        } catch (IOException e) {
            err.println("import: cannot read " + args.file() + " (" + e.getClass().getSimpleName() + ")");
            return 2;
        }
        if (result.isLeft()) {
            err.println("import: the file was not imported: " + result.getLeft().code() + " " + result.getLeft().message());
            return 1;
        }
        ImportSummary summary = result.get();
        out.println("import: " + summary.total() + " users read: " + summary.inserted() + " inserted, " + summary.updated()
                + " updated, " + summary.failed() + " rejected");
        progress.rejections.forEach(r -> out.println("  rejected #" + r.index() + " " + who(r.user()) + ": "
                + r.errors().map(e -> e.code() + " " + e.message()).mkString("; ")));
        return summary.failed() == 0 ? 0 : 1;
    }

    /** The user's id, email or username as the file gives them: never a secret (those are redacted anyway). */
    static String who(JsonNode user) {
        for (String member : new String[] {"user_id", "id", "email", "username"}) {
            JsonNode value = user == null ? null : user.get(member);
            if (value != null && value.isTextual()) {
                return member + "=" + value.textValue();
            }
        }
        return "(unnamed)";
    }

    /** Counts as the import goes, and prints a line now and then so a long import shows it is alive. */
    private static final class Progress implements ImportListener {
        private final PrintStream out;
        private final java.util.List<ImportRejection> rejections = new java.util.ArrayList<>();
        private int inserted;
        private int updated;
        private long lastLine = System.nanoTime();

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void inserted(int index) {
            inserted++;
            tick(index);
        }

        @Override
        public void updated(int index) {
            updated++;
            tick(index);
        }

        @Override
        public void rejected(ImportRejection rejection) {
            rejections.add(rejection);
            tick(rejection.index());
        }

        private void tick(int index) {
            long now = System.nanoTime();
            if ((index + 1) % PROGRESS_USERS == 0 || now - lastLine > PROGRESS_NANOS) {
                lastLine = now;
                out.println("import: " + (index + 1) + " users so far: " + inserted + " inserted, " + updated
                        + " updated, " + rejections.size() + " rejected");
            }
        }
    }

    /** The command line, checked. */
    record Arguments(ImportRequest request, Path file) {
        static Either<String, Arguments> parse(List<String> arguments) {
            ImportFormat format = null;
            String connection = JdbcUserDirectory.DEFAULT_REALM;
            boolean upsert = false;
            String file = null;
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                switch (argument) {
                    case "--format":
                        if (i + 1 >= arguments.size()) {
                            return Either.left("--format needs a value: auth0 or keycloak");
                        }
                        String value = arguments.get(++i).toLowerCase(Locale.ROOT);
                        if (!value.equals("auth0") && !value.equals("keycloak")) {
                            return Either.left("--format is auth0 or keycloak");
                        }
                        format = ImportFormat.valueOf(value.toUpperCase(Locale.ROOT));
                        break;
                    case "--connection":
                        if (i + 1 >= arguments.size() || arguments.get(i + 1).isBlank()) {
                            return Either.left("--connection needs a name");
                        }
                        connection = arguments.get(++i);
                        break;
                    case "--upsert":
                        upsert = true;
                        break;
                    default:
                        if (argument.startsWith("-")) {
                            return Either.left("unknown option " + argument);
                        }
                        if (file != null) {
                            return Either.left("one FILE only");
                        }
                        file = argument;
                }
            }
            if (format == null) {
                return Either.left("--format is required");
            }
            if (file == null) {
                return Either.left("FILE is required");
            }
            return Either.right(new Arguments(new ImportRequest(format, connection, upsert), Path.of(file)));
        }
    }
}
