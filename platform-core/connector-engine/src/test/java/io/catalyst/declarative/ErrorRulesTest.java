package io.catalyst.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Provider answers, as the providers document them, mapped to what the host does with them. */
class ErrorRulesTest {

    /** The rules of plugins/connectors/tiktok-ads: errors come as HTTP 200 with a non-zero {@code code}. */
    private static final ErrorRules TIKTOK = new ErrorRules("tiktok-ads", List.of(
            rule(Set.of(), "code", Set.of("40100"), Set.of(), Spec.Action.RATE_LIMITED, null, "message"),
            rule(Set.of(), "code", Set.of("40105"), Set.of(), Spec.Action.AUTH_EXPIRED, null, "message"),
            rule(Set.of(500, 502, 503, 504), null, Set.of(), Set.of(), Spec.Action.RETRY, null, null),
            rule(Set.of(), "code", Set.of(), Set.of("0"), Spec.Action.FAIL, null, "message")));

    /** The rules of plugins/connectors/linkedin-ads: errors come as HTTP statuses. */
    private static final ErrorRules LINKEDIN = new ErrorRules("linkedin-ads", List.of(
            rule(Set.of(401), null, Set.of(), Set.of(), Spec.Action.AUTH_EXPIRED, null, "message"),
            rule(Set.of(429), null, Set.of(), Set.of(), Spec.Action.RATE_LIMITED, null, "message"),
            rule(Set.of(500, 502, 503, 504), null, Set.of(), Set.of(), Spec.Action.RETRY, null, null),
            rule(Set.of(400, 403, 404), null, Set.of(), Set.of(), Spec.Action.FAIL, null, "message")));

    /** The example of docs/connectors.md: a status with the wait in the body, and Graph API token codes. */
    private static final ErrorRules DOCUMENTED = new ErrorRules("acme-ads", List.of(
            rule(Set.of(429), null, Set.of(), Set.of(), Spec.Action.RATE_LIMITED, "error.retry_after", null),
            rule(Set.of(), "error.code", Set.of("190", "102"), Set.of(), Spec.Action.AUTH_EXPIRED, null,
                    "error.message"),
            rule(Set.of(500, 502, 503), null, Set.of(), Set.of(), Spec.Action.RETRY, null, null)));

    private static final ErrorRules NONE = new ErrorRules("acme-ads", List.of());

    private static Spec.ErrorRule rule(Set<Integer> statuses, String field, Set<String> equals, Set<String> notEquals,
                                       Spec.Action action, String retryAfterPath, String messagePath) {
        return new Spec.ErrorRule(statuses, field, equals, notEquals, action, retryAfterPath, messagePath);
    }

    private static HttpResult answer(int status, String body) {
        return answer(status, Map.of(), body);
    }

    private static HttpResult answer(int status, Map<String, List<String>> headers, String body) {
        return new HttpResult(status, headers, body);
    }

    private static Spec.Action classify(ErrorRules rules, HttpResult result) {
        return rules.classify(result, DeclarativeConnector.parseBody(result), List.of());
    }

    private static ProviderException failure(ErrorRules rules, HttpResult result) {
        return catchThrowableOfType(() -> classify(rules, result), ProviderException.class);
    }

    @Test
    void tikTokErrorCodesInsideAnHttp200() {
        ProviderException limited = failure(TIKTOK, answer(200,
                "{\"code\":40100,\"message\":\"Too many requests. Please retry in some time.\",\"data\":{}}"));
        assertThat(limited.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(limited).hasMessage("tiktok-ads answered HTTP 200 with code=40100: Too many requests. Please retry"
                + " in some time.");
        assertThat(limited.retryAfter()).isNull();

        ProviderException expired = failure(TIKTOK, answer(200,
                "{\"code\":40105,\"message\":\"Access token is incorrect or has been revoked.\"}"));
        assertThat(expired.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(expired).hasMessage("tiktok-ads answered HTTP 200 with code=40105: Access token is incorrect or"
                + " has been revoked.");

        ProviderException refused = failure(TIKTOK, answer(200,
                "{\"code\":40002,\"message\":\"advertiser_id: Field must be set to a valid value.\"}"));
        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(refused).hasMessage("tiktok-ads answered HTTP 200 with code=40002: advertiser_id: Field must be"
                + " set to a valid value.");
    }

    @Test
    void codeZeroIsAnAnswerToReadHoweverItIsWritten() {
        assertThat(classify(TIKTOK, answer(200, "{\"code\":0,\"message\":\"OK\",\"data\":{\"list\":[]}}"))).isNull();
        assertThat(classify(TIKTOK, answer(200, "{\"code\":\"0\",\"message\":\"OK\"}"))).isNull();
        assertThat(classify(TIKTOK, answer(200, "{\"code\":0.0}"))).isNull();
        assertThat(classify(TIKTOK, answer(200, "{\"data\":{}}"))).as("not_equals needs the field").isNull();
    }

    @Test
    void aStatusRuleMatchesWhateverTheBody() {
        ProviderException failed = failure(TIKTOK, answer(502, "<html><body>Bad Gateway</body></html>"));
        assertThat(failed.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
        assertThat(failed).hasMessage("tiktok-ads answered HTTP 502");
        assertThat(failed.retryAfter()).isNull();
    }

    @Test
    void linkedInStatuses() {
        ProviderException expired = failure(LINKEDIN, answer(401,
                "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\","
                        + "\"message\":\"Invalid access token\"}"));
        assertThat(expired.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(expired).hasMessage("linkedin-ads answered HTTP 401: Invalid access token");

        ProviderException limited = failure(LINKEDIN, answer(429, Map.of("retry-after", List.of("60")),
                "{\"status\":429,\"message\":\"Resource level throttle limit reached\"}"));
        assertThat(limited.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(limited).hasMessage("linkedin-ads answered HTTP 429: Resource level throttle limit reached");

        ProviderException refused = failure(LINKEDIN, answer(403,
                "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\","
                        + "\"message\":\"Not enough permissions to access: adAnalytics.FINDER-analytics\"}"));
        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(refused).hasMessage("linkedin-ads answered HTTP 403: Not enough permissions to access:"
                + " adAnalytics.FINDER-analytics");

        assertThat(classify(LINKEDIN, answer(200, "{\"elements\":[],\"paging\":{\"start\":0,\"count\":100}}")))
                .isNull();
    }

    @Test
    void theWaitComesFromTheBodyBeforeTheHeaderAndOnlyAsSeconds() {
        ProviderException fromBody = failure(DOCUMENTED, answer(429, Map.of("retry-after", List.of("5")),
                "{\"error\":{\"retry_after\":\"30\"}}"));
        assertThat(fromBody.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fromBody).hasMessage("acme-ads answered HTTP 429");

        assertThat(failure(DOCUMENTED, answer(429, Map.of("retry-after", List.of(" 7.5 ")), "")).retryAfter())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(failure(DOCUMENTED, answer(429, Map.of("retry-after", List.of("Wed, 21 Oct 2026 07:28:00 GMT")),
                "")).retryAfter()).as("an HTTP date is no wait in seconds").isNull();
        assertThat(failure(DOCUMENTED, answer(429, "")).retryAfter()).isNull();
    }

    @Test
    void aFieldRuleMatchesAnyOfItsValues() {
        ProviderException expired = failure(DOCUMENTED, answer(400,
                "{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":"
                        + "\"OAuthException\",\"code\":190,\"error_subcode\":463}}"));
        assertThat(expired.kind()).isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(expired).hasMessage("acme-ads answered HTTP 400 with error.code=190: Error validating access"
                + " token: Session has expired");
        assertThat(failure(DOCUMENTED, answer(400, "{\"error\":{\"code\":102}}")).kind())
                .isEqualTo(ProviderException.Kind.AUTH_EXPIRED);
        assertThat(failure(DOCUMENTED, answer(400, "{\"error\":{\"code\":100}}")))
                .as("no rule: any status but 2xx fails, without the provider's words")
                .hasMessage("acme-ads answered HTTP 400");
    }

    @Test
    void theRequestsOwnRulesComeBeforeTheManifests() {
        HttpResult notFound = answer(200, "{\"code\":40404,\"message\":\"no data\"}");
        assertThat(failure(TIKTOK, notFound).kind()).isEqualTo(ProviderException.Kind.REFUSED);

        List<Spec.ErrorRule> own = List.of(
                rule(Set.of(), "code", Set.of("40404"), Set.of(), Spec.Action.IGNORE, null, null));
        assertThat(TIKTOK.classify(notFound, DeclarativeConnector.parseBody(notFound), own))
                .isEqualTo(Spec.Action.IGNORE);
        HttpResult limited = answer(200, "{\"code\":40100}");
        assertThat(catchThrowableOfType(() -> TIKTOK.classify(limited, DeclarativeConnector.parseBody(limited), own),
                ProviderException.class).kind()).as("the manifest's rules still apply")
                .isEqualTo(ProviderException.Kind.RATE_LIMITED);
    }

    @Test
    void anAnswerNoRuleMatches() {
        ProviderException notFound = failure(NONE, answer(404, "{\"message\":\"Not Found\"}"));
        assertThat(notFound.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
        assertThat(notFound).hasMessage("acme-ads answered HTTP 404");

        ProviderException html = failure(NONE, answer(200, "<html>Maintenance</html>"));
        assertThat(html.kind()).isEqualTo(ProviderException.Kind.PROVIDER_FAILED);
        assertThat(html).hasMessage("acme-ads answered HTTP 200 with a body that is not JSON");

        assertThat(classify(NONE, answer(204, null))).isNull();
        assertThat(classify(NONE, answer(200, "  "))).isNull();
        assertThat(classify(NONE, answer(200, "{\"data\":[]}"))).isNull();
    }
}
