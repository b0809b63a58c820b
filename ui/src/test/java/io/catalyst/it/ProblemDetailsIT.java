package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Errors leave the REST API as RFC 9457 problem details, with the request id and without internals. */
class ProblemDetailsIT {

    @Test
    void unknownPathIsANotFoundProblem() {
        HttpResponse<String> response = Server.get("/api/no-such-thing");

        assertProblem(response, 404, "urn:catalyst:problem:not-found");
        assertThat(Server.json(response).getString("instance")).isEqualTo("/api/no-such-thing");
    }

    @Test
    void wrongMethodIsA405ThatSaysWhatIsAllowed() {
        HttpResponse<String> response = Server.send(HttpRequest.newBuilder(URI.create(Server.BASE + "/api/system"))
                .DELETE().build());

        assertProblem(response, 405, "urn:catalyst:problem:method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("GET"));
    }

    @Test
    void unproducibleMediaTypeIsA406() {
        assertProblem(Server.get("/api/system", "Accept", "application/xml"), 406,
                "urn:catalyst:problem:not-acceptable");
    }

    @Test
    void theCallersRequestIdIsKeptAndReturned() {
        String id = "trace-" + System.nanoTime();

        HttpResponse<String> response = Server.get("/api/no-such-thing", "X-Request-Id", id);

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
        assertThat(Server.json(response).getString("requestId")).isEqualTo(id);
    }

    @Test
    void everyResponseGetsARequestIdEvenWithoutOne() {
        HttpResponse<String> ok = Server.get("/api/system");
        HttpResponse<String> notFound = Server.get("/api/nope");

        assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(Server.json(notFound).getString("requestId"))
                .isEqualTo(notFound.headers().firstValue("X-Request-Id").orElseThrow())
                .isNotEqualTo(ok.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = Server.json(response);
        assertThat(problem.getString("type")).isEqualTo(type);
        assertThat(problem.getNumber("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("requestId"))
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("jakarta.");
    }
}
