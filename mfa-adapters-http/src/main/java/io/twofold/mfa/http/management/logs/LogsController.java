package io.twofold.mfa.http.management.logs;

import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.twofold.mfa.http.management.ManagementAuth;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.http.management.ManagementErrors;
import io.twofold.mfa.http.management.ManagementJson;
import io.twofold.mfa.http.management.PageRequest;
import io.twofold.mfa.model.LogEntry;
import io.twofold.mfa.model.LogFilter;
import io.twofold.mfa.model.LogId;
import io.twofold.mfa.model.LogPage;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.operator.LogQueries;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;

/**
 * {@code GET /api/v2/logs} (search, or checkpoint reads with {@code from}/{@code take}),
 * {@code GET /api/v2/logs/{id}} and {@code GET /api/v2/users/{id}/logs}, all with {@code read:logs}
 * (spec 8.1). No 1000-result cap: a page is a keyed query on the log's id.
 */
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LogsController {
    static final String SCOPE = "read:logs";
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ManagementAuth auth;
    private final LogQueries logs;

    public LogsController(ManagementAuth auth, LogQueries logs) {
        this.auth = auth;
        this.logs = logs;
    }

    @Get("/logs")
    public HttpResponse<byte[]> list(HttpRequest<?> request) {
        HttpParameters query = request.getParameters();
        return auth.require(request, SCOPE)
                .flatMap(operator -> query.contains("from") || query.contains("take")
                        ? checkpoint(query)
                        : search(request, searchFilter(query)))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    @Get("/logs/{id}")
    public HttpResponse<byte[]> one(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, SCOPE)
                .flatMap(operator -> logs.find(id).mapLeft(ManagementErrors::map))
                .map(entry -> LogEventJson.of(entry, Option.none(), true))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    /** A user's entries, newest first unless {@code sort=date:1}; 200 with none for a user who has none. */
    @Get("/users/{id}/logs")
    public HttpResponse<byte[]> ofUser(HttpRequest<?> request, @PathVariable String id) {
        return auth.require(request, SCOPE)
                .flatMap(operator -> search(request, Either.right(LogFilter.ofUser(new UserId(id)))))
                .fold(ManagementError::toResponse, ManagementJson::ok);
    }

    private static Either<ManagementError, LogFilter> searchFilter(HttpParameters query) {
        // node-auth0 v4 and auth0-java send q, node-auth0 v5+ sends search.
        return LogSearchQuery.parse(query.getFirst("q").orElseGet(() -> query.getFirst("search").orElse(null)));
    }

    private Either<ManagementError, Object> search(HttpRequest<?> request, Either<ManagementError, LogFilter> filter) {
        HttpParameters query = request.getParameters();
        return filter.flatMap(f -> PageRequest.parse(request, DEFAULT_PER_PAGE, MAX_PER_PAGE)
                .flatMap(page -> newestFirst(query.getFirst("sort").orElse(null))
                        .flatMap(newest -> fields(query).map(fields -> {
                            LogPage found = logs.search(f, newest, (int) Math.min(page.offset(), Integer.MAX_VALUE),
                                    page.perPage());
                            java.util.List<Map<String, Object>> items = render(found.entries(), fields);
                            return page.render("logs", items, found.total(), true);
                        }))));
    }

    /** Entries after {@code from}, oldest first, as a bare array; other parameters are ignored, as Auth0 does. */
    private Either<ManagementError, Object> checkpoint(HttpParameters query) {
        Option<String> from = Option.ofOptional(query.getFirst("from")).filter(f -> !f.isEmpty());
        if (from.isDefined() && LogId.parse(from.get()).isEmpty()) {
            return Either.left(ManagementError.invalidQuery("Query validation error: 'from' must be a log id."));
        }
        return take(query.getFirst("take").orElse(null))
                .flatMap(take -> logs.after(from, take).mapLeft(ManagementErrors::map))
                .map(entries -> render(entries, Option.none()));
    }

    private static java.util.List<Map<String, Object>> render(List<LogEntry> entries, Option<Fields> fields) {
        return entries.map(entry -> LogEventJson.of(entry, fields.map(Fields::names), fields.forAll(Fields::include)))
                .toJavaList();
    }

    private static Either<ManagementError, Boolean> newestFirst(String sort) {
        if (sort == null || sort.isEmpty() || sort.equals("date:-1")) {
            return Either.right(true);
        }
        if (sort.equals("date:1")) {
            return Either.right(false);
        }
        return Either.left(ManagementError.invalidQuery("Query validation error: 'sort' must be date:1 or date:-1."));
    }

    private static Either<ManagementError, Integer> take(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.right(DEFAULT_PER_PAGE);
        }
        try {
            int take = Integer.parseInt(raw);
            if (take >= 1 && take <= MAX_PER_PAGE) {
                return Either.right(take);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Either.left(ManagementError.invalidQuery(
                "Query validation error: 'take' must be an integer between 1 and " + MAX_PER_PAGE + "."));
    }

    /** The {@code fields} to keep ({@code include_fields=true}, the default) or to drop. */
    private record Fields(Set<String> names, boolean include) {
    }

    private static Either<ManagementError, Option<Fields>> fields(HttpParameters query) {
        Option<String> names = Option.ofOptional(query.getFirst("fields")).filter(f -> !f.isBlank());
        return PageRequest.bool(query.getFirst("include_fields").orElse(null), "include_fields")
                .map(includeGiven -> names.map(n -> new Fields(HashSet.of(n.split(",")).map(String::trim),
                        includeGiven || query.getFirst("include_fields").isEmpty())));
    }
}
