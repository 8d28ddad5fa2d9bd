package io.twofold.mfa.app.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.app.imports.ImportFormat;
import io.twofold.mfa.app.imports.ImportListener;
import io.twofold.mfa.app.imports.ImportRejection;
import io.twofold.mfa.app.imports.ImportRequest;
import io.twofold.mfa.app.imports.UserImporter;
import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.UsersFileFormat;
import io.twofold.mfa.port.out.UsersFileReader;
import io.vavr.control.Either;

import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The import engine ({@link UserImporter}) behind the jobs' {@link UsersFileReader} port: counts each
 * user as the engine finishes with it and writes each refusal as Auth0's error line,
 * {@code {"user": {...redacted...}, "errors": [{"code", "message", "path"?}]}}.
 */
public final class ImporterFileReader implements UsersFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserImporter importer;

    public ImporterFileReader(UserImporter importer) {
        this.importer = importer;
    }

    @Override
    public Either<String, ImportCounts> read(InputStream file, UsersFileFormat format, String connection,
                                             boolean upsert, Progress progress) {
        Counting counting = new Counting(progress);
        ImportRequest request = new ImportRequest(format == UsersFileFormat.KEYCLOAK ? ImportFormat.KEYCLOAK
                : ImportFormat.AUTH0, connection, upsert);
        return importer.run(file, request, counting)
                .mapLeft(error -> error.message())
                .map(summary -> new ImportCounts(summary.inserted(), summary.updated(), summary.failed(), summary.total()));
    }

    /** Auth0's error line of a refused user. */
    static String line(ImportRejection rejection) {
        ObjectNode line = JSON.createObjectNode();
        line.set("user", rejection.user() == null ? JSON.nullNode() : rejection.user());
        ArrayNode errors = line.putArray("errors");
        rejection.errors().forEach(error -> {
            ObjectNode item = errors.addObject();
            item.put("code", error.code());
            item.put("message", error.message());
            error.path().forEach(path -> item.put("path", path));
        });
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an error line could not be written", e);
        }
    }

    /** Keeps the counts the engine reports one user at a time. */
    private static final class Counting implements ImportListener {
        private final Progress progress;
        private int inserted;
        private int updated;
        private int failed;

        Counting(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void inserted(int index) {
            inserted++;
            report();
        }

        @Override
        public void updated(int index) {
            updated++;
            report();
        }

        @Override
        public void rejected(ImportRejection rejection) {
            failed++;
            progress.rejected(rejection.index(), line(rejection));
            report();
        }

        private void report() {
            progress.counted(new ImportCounts(inserted, updated, failed, inserted + updated + failed));
        }
    }
}
