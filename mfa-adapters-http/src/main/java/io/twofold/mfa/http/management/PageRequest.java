package io.twofold.mfa.http.management;

import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.vavr.control.Either;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offset paging as Auth0 does it (spec 1.5): {@code page} (0-based), {@code per_page},
 * {@code include_totals}. Without totals the answer is a bare array; with them an object with the
 * collection's key. A page past the end is an empty page, never an error, and {@code total} is exact.
 */
public record PageRequest(int page, int perPage, boolean includeTotals) {

    public PageRequest {
        if (page < 0 || perPage < 0) {
            throw new IllegalArgumentException("page and per_page are never negative");
        }
    }

    /** The query's paging; 400 {@code invalid_query_string} for a value that is not a number in range. */
    public static Either<ManagementError, PageRequest> parse(HttpRequest<?> request, int defaultPerPage, int maxPerPage) {
        HttpParameters query = request.getParameters();
        return number(query.getFirst("page").orElse(null), "page", 0, Integer.MAX_VALUE / Math.max(1, maxPerPage), 0)
                .flatMap(page -> number(query.getFirst("per_page").orElse(null), "per_page", 0, maxPerPage, defaultPerPage)
                        .flatMap(perPage -> bool(query.getFirst("include_totals").orElse(null), "include_totals")
                                .map(totals -> new PageRequest(page, perPage, totals))));
    }

    /** The index of the first item of the page. */
    public long offset() {
        return (long) page * perPage;
    }

    /**
     * The answer: the items as a bare array, or (with {@code include_totals}) an object with
     * {@code start}, {@code limit}, {@code length} (only when {@code withLength}: users and logs have
     * it, the others not), {@code total} and the items under {@code itemsKey}.
     */
    public Object render(String itemsKey, List<?> items, long total, boolean withLength) {
        if (!includeTotals) {
            return items;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", offset());
        body.put("limit", perPage);
        if (withLength) {
            body.put("length", items.size());
        }
        body.put("total", total);
        body.put(itemsKey, items);
        return body;
    }

    /** A true/false query parameter (absent: false); 400 for anything else. */
    public static Either<ManagementError, Boolean> bool(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return Either.right(false);
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Either.right(Boolean.parseBoolean(raw));
        }
        return Either.left(ManagementError.invalidQuery(
                "Query validation error: '" + name + "' must be true or false."));
    }

    private static Either<ManagementError, Integer> number(String raw, String name, int min, int max, int absent) {
        if (raw == null || raw.isEmpty()) {
            return Either.right(absent);
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return Either.right(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Either.left(ManagementError.invalidQuery("Query validation error: '" + name
                + "' must be an integer between " + min + " and " + max + "."));
    }
}
