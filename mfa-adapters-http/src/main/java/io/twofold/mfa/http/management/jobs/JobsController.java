package io.twofold.mfa.http.management.jobs;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementErrors;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.twofold.mfa.model.UsersFileFormat;
import io.twofold.mfa.port.in.operator.ImportOrder;
import io.twofold.mfa.port.in.operator.UserImports;
import io.vavr.control.Either;
import io.vavr.control.Option;

import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Auth0's bulk user import (spec 7): {@code POST /api/v2/jobs/users-imports} takes a multipart form
 * ({@code users} file, {@code connection_id}, {@code upsert}, {@code external_id},
 * {@code send_completion_email} accepted and ignored, and Twofold's {@code format}) and answers 202 with
 * the pending job, or with {@code ?wait=true} 200 with the finished one; {@code GET /api/v2/jobs/{id}}
 * and {@code GET /api/v2/jobs/{id}/errors} follow it from any node.
 */
@Controller("/api/v2")
public class JobsController {
    private static final String[] READ_SCOPES = {"create:users", "read:users"};

    private final ManagementAuth auth;
    private final UserImports imports;
    private final ImportUploadLimit limit;
    private final ExecutorService blocking;

    public JobsController(ManagementAuth auth, UserImports imports, ImportUploadLimit limit,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.auth = auth;
        this.imports = imports;
        this.limit = limit;
        this.blocking = blocking;
    }

    @Post(uri = "/jobs/users-imports", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<byte[]>> importUsers(HttpRequest<?> request, @Body MultipartBody body) {
        // On the event loop, the body is read as it arrives (its large parts go to disk); the import,
        // its database work and the copy of the file run on the blocking executor once it is all here.
        return ImportForm.collect(body).thenApplyAsync(form -> importUsers(request, form), blocking);
    }

    private HttpResponse<byte[]> importUsers(HttpRequest<?> request, ImportForm form) {
        // send_completion_email is accepted and ignored: Twofold sends no email to operators.
        return respond(auth.require(request, "create:users")
                .flatMap(operator -> order(request, form)
                        .flatMap(order -> upload(form.part("users"))
                                .flatMap(file -> imports.start(operator.client(), order, file)
                                        .mapLeft(ManagementErrors::map))
                                .map(job -> order.waitForEnd()
                                        ? ManagementJson.ok(JobJson.of(job))
                                        : withBody(HttpStatus.ACCEPTED, ManagementJson.write(JobJson.of(job)))))));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get(uri = "/jobs/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> get(HttpRequest<?> request, @PathVariable("id") String id) {
        return respond(auth.require(request, READ_SCOPES)
                .flatMap(operator -> job(id))
                .map(job -> ManagementJson.ok(JobJson.of(job))));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get(uri = "/jobs/{id}/errors", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> errors(HttpRequest<?> request, @PathVariable("id") String id) {
        return respond(auth.require(request, READ_SCOPES)
                .flatMap(operator -> job(id))
                .map(job -> imports.errors(job.id()))
                // The lines are JSON objects the importer wrote: joined, not parsed again.
                .map(lines -> lines.isEmpty() ? ManagementJson.noContent()
                        : withBody(HttpStatus.OK, ("[" + lines.mkString(",") + "]").getBytes(StandardCharsets.UTF_8))));
    }

    private static Either<ManagementError, ImportOrder> order(HttpRequest<?> request, ImportForm form) {
        Option<String> connection = form.text("connection_id").filter(c -> !c.isBlank());
        if (connection.isEmpty()) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'Missing required property: connection_id'."));
        }
        Option<String> external = form.text("external_id").filter(e -> !e.isEmpty()); // go-auth0 sends it empty
        if (external.exists(e -> e.length() > 255)) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'String is too long (max 255)' on property external_id."));
        }
        return bool(form.text("upsert"), "upsert")
                .flatMap(up -> bool(Option.ofOptional(request.getParameters().getFirst("wait")), "wait")
                        .mapLeft(e -> ManagementError.invalidQuery("Query validation error: 'wait' must be true or false."))
                        .flatMap(wait -> fileFormat(form.text("format"))
                                .map(fileFormat -> new ImportOrder(connection.get(), fileFormat, up, external, wait))));
    }

    private Either<ManagementError, UploadedUsersFile> upload(Option<CompletedPart> users) {
        if (users.isEmpty()) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'Missing required property: users'."));
        }
        return UploadedUsersFile.copy(users.get(), limit.maxFileBytes())
                .<Either<ManagementError, UploadedUsersFile>>map(Either::right)
                .orElseGet(() -> Either.left(new ManagementError(413, "The users file is larger than "
                        + limit.maxFileBytes() + " bytes.", Option.some("too_large"))));
    }

    private static Either<ManagementError, Boolean> bool(Option<String> value, String name) {
        if (value.isEmpty() || value.get().isEmpty()) {
            return Either.right(false);
        }
        return switch (value.get()) {
            case "true" -> Either.right(true);
            case "false" -> Either.right(false);
            default -> Either.left(ManagementError.badRequest("Payload validation error: 'Expected type boolean but found"
                    + " type string' on property " + name + "."));
        };
    }

    private static Either<ManagementError, UsersFileFormat> fileFormat(Option<String> value) {
        return value.filter(v -> !v.isEmpty())
                .map(v -> UsersFileFormat.byWireName(v).toEither(() -> ManagementError.badRequest(
                        "Payload validation error: 'format' must be auth0 or keycloak.")))
                .getOrElse(Either.right(UsersFileFormat.AUTH0));
    }

    private Either<ManagementError, ImportJob> job(String id) {
        return ImportJobId.parse(id).map(ImportJobId::new).flatMap(imports::find)
                .toEither(() -> ManagementError.notFound("The job does not exist.", "inexistent_job"));
    }

    /** A JSON body made here, with the headers every Management API response has ({@link ManagementJson}). */
    private static HttpResponse<byte[]> withBody(HttpStatus status, byte[] json) {
        return HttpResponse.<byte[]>status(status)
                .header("Content-Type", ManagementJson.CONTENT_TYPE)
                .header("Cache-Control", "no-store")
                .body(json);
    }

    private static HttpResponse<byte[]> respond(Either<ManagementError, ? extends HttpResponse<byte[]>> result) {
        return result.fold(ManagementError::toResponse, response -> response);
    }
}
