package io.catalyst.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a request pages, after its manifest {@code paginator}: the query parameters that ask for a page, and, from a
 * page's answer, the state of the page after it.
 *
 * <p>A page state is the next page number (page), offset (offset) or token (cursor); null stands for the first page.
 */
sealed interface Paging {

    /** The paging a manifest's paginator describes. */
    static Paging of(Spec.Paginator paginator) {
        switch (paginator.type()) {
            case CURSOR:
                return new Cursor(paginator);
            case OFFSET:
                return new Offset(paginator);
            case PAGE:
                return new Pages(paginator);
            default:
                return new None();
        }
    }

    /** The query parameters, encoded as {@code name=value}, that ask for the page in state {@code page}. */
    List<String> params(String page);

    /**
     * The state of the page after the page in state {@code page}, read from its answer, which held {@code count}
     * records; null when it was the last.
     */
    String next(String page, JsonNode body, int count);

    /** A token from each answer asks for the next page; the first page is asked for without one. */
    record Cursor(Spec.Paginator paginator) implements Paging {

        @Override
        public List<String> params(String page) {
            List<String> params = new ArrayList<>();
            if (page != null) {
                params.add(Requests.encode(paginator.param()) + "=" + Requests.encode(page));
            }
            return params;
        }

        @Override
        public String next(String page, JsonNode body, int count) {
            String token = JsonPaths.text(body, paginator.tokenPath());
            return token == null || token.isEmpty() || count == 0 ? null : token;
        }
    }

    /** The position of a page's first record, from {@code start}. */
    record Offset(Spec.Paginator paginator) implements Paging {

        @Override
        public List<String> params(String page) {
            return numbered(paginator, page);
        }

        @Override
        public String next(String page, JsonNode body, int count) {
            long offset = page == null ? paginator.start() : Long.parseLong(page);
            long total = number(body, paginator.totalPath());
            // a total the provider states beats guessing from a short page (some cap the page size)
            boolean done = total >= 0 ? offset + count >= total : count < paginator.size();
            if (count == 0 || done) {
                return null;
            }
            return String.valueOf(offset + count);
        }
    }

    /** Page numbers, from {@code start}. */
    record Pages(Spec.Paginator paginator) implements Paging {

        @Override
        public List<String> params(String page) {
            return numbered(paginator, page);
        }

        @Override
        public String next(String page, JsonNode body, int count) {
            long current = page == null ? paginator.start() : Long.parseLong(page);
            long totalPages = number(body, paginator.totalPagesPath());
            long total = number(body, paginator.totalPath());
            boolean done;
            if (totalPages >= 0) {
                done = current - paginator.start() + 1 >= totalPages;
            } else if (total >= 0) {
                done = (current - paginator.start() + 1) * paginator.size() >= total;
            } else {
                done = count < paginator.size();
            }
            if (count == 0 || done) {
                return null;
            }
            return String.valueOf(current + 1);
        }
    }

    /** One answer holds everything. */
    record None() implements Paging {

        @Override
        public List<String> params(String page) {
            return new ArrayList<>();
        }

        @Override
        public String next(String page, JsonNode body, int count) {
            return null;
        }
    }

    /** The page (or offset) asked for, the first one when {@code page} is null, and the page size if it is sent. */
    private static List<String> numbered(Spec.Paginator paginator, String page) {
        List<String> params = new ArrayList<>();
        params.add(Requests.encode(paginator.param()) + "="
                + (page != null ? page : String.valueOf(paginator.start())));
        if (paginator.sizeParam() != null) {
            params.add(Requests.encode(paginator.sizeParam()) + "=" + paginator.size());
        }
        return params;
    }

    private static long number(JsonNode body, String path) {
        if (path == null) {
            return -1;
        }
        JsonNode node = JsonPaths.at(body, path);
        return node.isNumber() || node.isTextual() && node.asText().matches("\\d+") ? node.asLong() : -1;
    }
}
