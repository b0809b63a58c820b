package io.catalyst.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalyst.api.host.HttpRequestSpec;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A manifest request made into the HTTP request for one page. */
class RequestsTest {

    private static final URI BASE = URI.create("https://api.acme.example/v2/");
    private static final Function<String, String> VARS = Map.of("account", "a b/1", "from", "2026-11-01",
            "settings.token", "s&t")::get;

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Spec.Request get(String path, Map<String, String> query, Map<String, String> queryRaw) {
        return new Spec.Request("GET", path, query, queryRaw, Map.of(), null);
    }

    @Test
    void fillsInThePathAndQueryThenAddsThePagingParameters() {
        Spec.Request request = get("/report/{{account}}", map("since", "{{from}}", "fields", "[\"spend\"]"),
                map("range", "(start:{{from}},who:{{account}})"));
        Paging paging = Paging.of(new Spec.Paginator(Spec.PageType.PAGE, "page", null, "size", 50, 1, null, null));

        HttpRequestSpec first = Requests.build(BASE, request, paging, VARS, null);
        HttpRequestSpec third = Requests.build(BASE, request, paging, VARS, "3");

        assertThat(first.uri()).hasToString("https://api.acme.example/v2/report/a%20b%2F1?since=2026-11-01"
                + "&fields=%5B%22spend%22%5D&range=(start:2026-11-01,who:a%20b%2F1)&page=1&size=50");
        assertThat(third.uri().toString()).endsWith("&page=3&size=50");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.body()).isNull();
        assertThat(first.headers()).isEmpty();
        assertThat(first.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aPathWithAQueryGetsTheRestAfterAnAmpersand() {
        Paging cursor = Paging.of(new Spec.Paginator(Spec.PageType.CURSOR, "after", "next", null, 0, 0, null, null));

        assertThat(Requests.build(URI.create("https://crm.example"), get("/search?q=all", map(), map()), cursor, VARS,
                null).uri()).hasToString("https://crm.example/search?q=all");
        assertThat(Requests.build(URI.create("https://crm.example"), get("/search?q=all", map(), map()), cursor, VARS,
                "t 1").uri()).hasToString("https://crm.example/search?q=all&after=t%201");
        assertThat(Requests.build(URI.create("https://crm.example"), get("/search", map("who", "{{nobody}}"), map()),
                Paging.of(Spec.Paginator.NONE), VARS, null).uri())
                .as("a variable without a value is empty").hasToString("https://crm.example/search?who=");
    }

    @Test
    void headersAndEveryStringOfTheBodyAreFilledIn() {
        Spec.Request post = new Spec.Request("POST", "/search", map(), map(),
                map("Authorization", "Token {{settings.token}}"),
                json("{\"filter\":{\"account\":\"{{account}}\",\"ids\":[\"{{from}}\",7]},\"limit\":2,\"all\":true}"));

        HttpRequestSpec spec = Requests.build(BASE, post, Paging.of(Spec.Paginator.NONE), VARS, null);

        assertThat(spec.method()).isEqualTo("POST");
        assertThat(spec.uri()).hasToString("https://api.acme.example/v2/search");
        assertThat(spec.headers()).containsEntry("Authorization", "Token s&t")
                .containsEntry("Content-Type", "application/json");
        assertThat(spec.body()).isEqualTo("{\"filter\":{\"account\":\"a b/1\",\"ids\":[\"2026-11-01\",7]},"
                + "\"limit\":2,\"all\":true}");
    }

    @Test
    void aContentTypeTheManifestGivesIsKept() {
        Spec.Request post = new Spec.Request("POST", "/graphql", map(), map(),
                map("Content-Type", "application/graphql+json"), json("{\"query\":\"{ me }\"}"));

        assertThat(Requests.build(BASE, post, Paging.of(Spec.Paginator.NONE), VARS, null).headers())
                .containsEntry("Content-Type", "application/graphql+json").hasSize(1);
    }

    @Test
    void encodesSpacesAsPercent20() {
        assertThat(Requests.encode("a b+c/d?e=f&g")).isEqualTo("a%20b%2Bc%2Fd%3Fe%3Df%26g");
    }
}
