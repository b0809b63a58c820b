package io.catalyst.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void domainProblemKeepsItsTypeDetailAndFields() {
        var thrown = new ProblemException(ProblemType.CONFLICT, "The slug acme is taken.",
                List.of(new Problem.FieldError("slug", "already in use")), null);

        Problem problem = Problems.of(thrown, 0, "/api/tenants", "rid-12345678");

        assertThat(problem.type()).isEqualTo(URI.create("urn:catalyst:problem:conflict"));
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Conflict");
        assertThat(problem.detail()).isEqualTo("The slug acme is taken.");
        assertThat(problem.instance()).isEqualTo("/api/tenants");
        assertThat(problem.requestId()).isEqualTo("rid-12345678");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("slug", "already in use"));
    }

    @Test
    void unexpectedFailureNeverEchoesItsMessage() {
        var thrown = new IllegalStateException("password=hunter2 at io.catalyst.Secret");

        Problem problem = Problems.of(thrown, 0, "/api/x", "rid-12345678");

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(ProblemType.INTERNAL_ERROR.type());
        assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("io.catalyst").contains("request id");
    }

    @Test
    void malformedJsonAnywhereInTheCauseChainIsA400() {
        var thrown = new RuntimeException("wrapper", new JsonbException("Unexpected char 123 at (line no=1)"));

        Problem problem = Problems.of(thrown, 0, "/api/x", "rid-12345678");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST.type());
        assertThat(problem.detail()).doesNotContain("123");
    }

    @Test
    void runtimeStatusesGetTheirOwnTypes() {
        assertThat(Problems.of(new RuntimeException(), 404, "/api/nope", "r").type())
                .isEqualTo(URI.create("urn:catalyst:problem:not-found"));
        assertThat(Problems.of(new RuntimeException(), 405, "/api/x", "r").type())
                .isEqualTo(URI.create("urn:catalyst:problem:method-not-allowed"));
        assertThat(Problems.of(new RuntimeException(), 415, "/api/x", "r").status()).isEqualTo(415);
        Problem teapot = Problems.of(new RuntimeException(), 418, "/api/x", "r");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.type()).isEqualTo(ProblemType.HTTP_ERROR.type());
    }

    @Test
    void databaseConnectionFailuresAre503() {
        var refused = new RuntimeException(new SQLException("Connection refused", "08001"));
        var poolTimeout = new SQLTransientConnectionException("pool exhausted");
        var syntax = new SQLException("syntax error", "42601");

        assertThat(Problems.of(refused, 0, "/api/x", "r").status()).isEqualTo(503);
        assertThat(Problems.of(poolTimeout, 0, "/api/x", "r").status()).isEqualTo(503);
        assertThat(Problems.isConnectionFailure(syntax)).isFalse();
        assertThat(Problems.of(syntax, 0, "/api/x", "r").status()).isEqualTo(500);
    }

    @Test
    void everyTypeHasADistinctStableUrn() {
        assertThat(ProblemType.values())
                .extracting(ProblemType::type)
                .doesNotHaveDuplicates()
                .allSatisfy(uri -> assertThat(uri.toString()).matches("urn:catalyst:problem:[a-z-]+"));
    }

    @Test
    void dataTheDatabaseRefusesIsTheClientsErrorNeverA500() {
        RuntimeException nul = new RuntimeException("persistence", new SQLException(
                "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        RuntimeException check = new RuntimeException(new SQLException("violates check constraint", "23514"));
        RuntimeException duplicate = new RuntimeException(new SQLException("duplicate key", "23505"));
        RuntimeException other = new RuntimeException(new SQLException("deadlock detected", "40P01"));

        assertThat(Problems.of(nul, 0, "/api/x", "rid").status()).isEqualTo(400);
        assertThat(Problems.of(nul, 0, "/api/x", "rid").detail()).doesNotContain("0x00").doesNotContain("UTF8");
        assertThat(Problems.of(check, 0, "/api/x", "rid").status()).isEqualTo(400);
        assertThat(Problems.of(duplicate, 0, "/api/x", "rid").status()).isEqualTo(409);
        assertThat(Problems.of(other, 0, "/api/x", "rid").status()).isEqualTo(500);
    }
}
