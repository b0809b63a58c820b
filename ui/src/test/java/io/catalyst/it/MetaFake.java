package io.catalyst.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the parts of Meta's Graph / Marketing API a sync uses, shaped as Meta documents them: the OAuth dialog
 * and token exchange, {@code me/adaccounts}, the campaign / ad set / ad edges, and ad insights (synchronous, and as
 * asynchronous report runs) with {@code data} and cursor {@code paging} whose {@code next} names graph.facebook.com.
 * Errors are Graph error objects. Its figures come from a small model (one EUR account, two campaigns, three ads), so
 * a test can compute what the warehouse must hold; a figure can be restated, a row made malformed, and the fake can
 * stall, throttle or revoke the token on demand.
 */
final class MetaFake implements ResponseDefinitionTransformerV2 {

    static final String ACCOUNT = "act_1001";
    static final String TOKEN = "EAAGm0PX4ZCpsBAmeta-test-token-7f3c";
    /** ad -> campaign, in model order. */
    static final Map<String, String> ADS = new LinkedHashMap<>(Map.of("a11", "c1", "a12", "c1", "a21", "c2"));
    private static final Pattern VERSIONED = Pattern.compile("^/v\\d+\\.\\d+/(.*)$");
    private static final int PAGE_SIZE = 4;

    /** One insights request: its level and range, whether it asked for the first page, when, and the answer. */
    record Call(String level, LocalDate since, LocalDate until, boolean firstPage, Instant at, int status) {
    }

    private final WireMockServer server;
    private final Map<String, BigDecimal> restated = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> runs = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> verifiers = new CopyOnWriteArrayList<>();
    private final AtomicInteger runIds = new AtomicInteger(6_023_900);
    private volatile LocalDate malformedDay;
    private volatile int stallAfter = -1;
    private volatile boolean stalled;
    private volatile int stallMillis;
    private volatile int throttles;
    private volatile int throttleSeconds;
    private volatile boolean revoked;

    MetaFake() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(this)
                .asynchronousResponseEnabled(true).containerThreads(20));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    void shutdown() {
        server.stop();
    }

    // ---- the model -------------------------------------------------------------------------------------------

    /** An ad's spend that day: what Meta reports unless restated. */
    BigDecimal spend(String ad, LocalDate day) {
        BigDecimal override = restated.get(ad + "@" + day);
        if (override != null) {
            return override;
        }
        int index = new ArrayList<>(ADS.keySet()).indexOf(ad);
        return new BigDecimal(day.getDayOfMonth() + index * 10 + ".25");
    }

    long impressions(String ad, LocalDate day) {
        return 1000 + day.getDayOfYear() + new ArrayList<>(ADS.keySet()).indexOf(ad);
    }

    /** The sum of spend over days and ads (ad level), as the warehouse must hold it. */
    BigDecimal totalSpend(LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (String ad : ADS.keySet()) {
                if (!day.equals(malformedDay) || !ad.equals("a21")) {
                    sum = sum.add(spend(ad, day));
                }
            }
        }
        return sum;
    }

    void restate(String ad, LocalDate day, BigDecimal spend) {
        restated.put(ad + "@" + day, spend);
    }

    /** Ad a21's row of that day (and so campaign c2's) carries a spend that is not a number. */
    void malformed(LocalDate day) {
        malformedDay = day;
    }

    /** After this many more insights result pages, each answer takes {@code millis} until {@link #release()}. */
    void stallAfter(int pages, int millis) {
        stalled = false;
        stallMillis = millis;
        stallAfter = pages;
    }

    boolean stalled() {
        return stalled;
    }

    void release() {
        stallAfter = -1;
        stalled = false;
    }

    /** The next insights requests answer 429 with {@code Retry-After}. */
    void throttle(int requests, int seconds) {
        throttleSeconds = seconds;
        throttles = requests;
    }

    /** From now on the token is refused with 401 and Graph error 190. */
    void revoke(boolean on) {
        revoked = on;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void forgetCalls() {
        calls.clear();
    }

    List<String> verifiers() {
        return List.copyOf(verifiers);
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    @Override
    public String getName() {
        return "meta-fake";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String url = request.getUrl();
        String rawPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Map<String, String> params = query(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "");
        if ("POST".equals(request.getMethod().getName())) {
            params.putAll(query(request.getBodyAsString()));
        }
        Matcher versioned = VERSIONED.matcher(rawPath);
        if (!versioned.matches()) {
            return error(400, 2500, "OAuthException", "Unknown path components: " + rawPath).build();
        }
        String path = versioned.group(1);
        if (path.equals("dialog/oauth")) {
            // the user consents at once: back to the platform with a code and the state it sent
            return aResponse().withStatus(302).withHeader("Location", params.get("redirect_uri") + "?code="
                    + "AQBx-consent-code&state=" + URLEncoder.encode(params.get("state"), StandardCharsets.UTF_8))
                    .build();
        }
        if (path.equals("oauth/access_token")) {
            verifiers.add(params.getOrDefault("code_verifier", ""));
            if (!"AQBx-consent-code".equals(params.get("code"))) {
                return error(400, 100, "OAuthException", "Invalid verification code format.").build();
            }
            return json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")
                    .build();
        }
        String authorization = request.getHeader("Authorization");
        if (revoked || authorization == null || !authorization.equals("Bearer " + TOKEN)) {
            return error(401, 190, "OAuthException", "Error validating access token: The session has been"
                    + " invalidated because the user changed their password or Facebook has changed the session for"
                    + " security reasons.").build();
        }
        if (path.equals("me/adaccounts")) {
            return json(200, "{\"data\":[{\"account_id\":\"1001\",\"id\":\"" + ACCOUNT + "\",\"name\":\"Acme EU\","
                    + "\"currency\":\"EUR\",\"timezone_name\":\"Europe/Berlin\"}],\"paging\":{\"cursors\":"
                    + "{\"before\":\"QVFIUm1\",\"after\":\"QVFIUm1\"}}}").build();
        }
        if (path.equals(ACCOUNT)) {
            return json(200, "{\"id\":\"" + ACCOUNT + "\",\"account_id\":\"1001\",\"name\":\"Acme EU\","
                    + "\"currency\":\"EUR\",\"timezone_name\":\"Europe/Berlin\"}").build();
        }
        if (path.equals(ACCOUNT + "/campaigns")) {
            return json(200, "{\"data\":[" + campaign("c1", "Spring sale") + "," + campaign("c2", "Leads") + "]}")
                    .build();
        }
        if (path.equals(ACCOUNT + "/adsets")) {
            return json(200, "{\"data\":[" + adSet("s1", "c1") + "," + adSet("s2", "c2") + "]}").build();
        }
        if (path.equals(ACCOUNT + "/ads")) {
            List<String> ads = new ArrayList<>();
            ADS.forEach((ad, campaign) -> ads.add("{\"id\":\"" + ad + "\",\"name\":\"Ad " + ad + "\",\"status\":"
                    + "\"ACTIVE\",\"adset_id\":\"" + (campaign.equals("c1") ? "s1" : "s2") + "\",\"campaign_id\":\""
                    + campaign + "\",\"creative\":{\"id\":\"cr-" + ad + "\"}}"));
            return json(200, "{\"data\":[" + String.join(",", ads) + "]}").build();
        }
        if (path.equals(ACCOUNT + "/insights") && "POST".equals(request.getMethod().getName())) {
            String id = String.valueOf(runIds.incrementAndGet());
            runs.put(id, params);
            return json(200, "{\"report_run_id\":\"" + id + "\"}").build();
        }
        Matcher run = Pattern.compile("^(\\d+)(/insights)?$").matcher(path);
        if (run.matches() && runs.containsKey(run.group(1))) {
            if (run.group(2) == null) {
                return json(200, "{\"id\":\"" + run.group(1) + "\",\"account_id\":\"1001\",\"async_status\":"
                        + "\"Job Completed\",\"async_percent_completion\":100}").build();
            }
            Map<String, String> original = new HashMap<>(runs.get(run.group(1)));
            original.putAll(params); // paging: after
            return insights(rawPath, original);
        }
        if (path.equals(ACCOUNT + "/insights")) {
            return insights(rawPath, params);
        }
        return error(400, 100, "GraphMethodException", "Unsupported get request. Object with ID '" + path
                + "' does not exist").build();
    }

    private ResponseDefinition insights(String rawPath, Map<String, String> params) {
        Matcher range = Pattern.compile("\"since\":\"([0-9-]+)\",\"until\":\"([0-9-]+)\"")
                .matcher(params.getOrDefault("time_range", ""));
        if (!range.find()) {
            return error(400, 100, "OAuthException", "(#100) time_range is required here").build();
        }
        LocalDate since = LocalDate.parse(range.group(1));
        LocalDate until = LocalDate.parse(range.group(2));
        String level = params.getOrDefault("level", "ad");
        synchronized (this) {
            if (throttles > 0) {
                throttles--;
                calls.add(new Call(level, since, until, !params.containsKey("after"), Instant.now(), 429));
                // Graph answers throttling with a Graph error; with Retry-After, the platform must wait that long
                return error(429, 80004, "OAuthException", "There have been too many calls to this ad-account."
                        + " Wait a bit and try again.").withHeader("Retry-After", String.valueOf(throttleSeconds))
                        .build();
            }
        }
        calls.add(new Call(level, since, until, !params.containsKey("after"), Instant.now(), 200));
        List<String> rows = new ArrayList<>();
        for (LocalDate day = since; !day.isAfter(until); day = day.plusDays(1)) {
            if (level.equals("ad")) {
                for (String ad : ADS.keySet()) {
                    rows.add(row(day, ADS.get(ad), ad, spend(ad, day).toPlainString(), impressions(ad, day),
                            day.equals(malformedDay) && ad.equals("a21")));
                }
            } else {
                for (String campaign : List.of("c1", "c2")) {
                    BigDecimal spend = BigDecimal.ZERO;
                    long impressions = 0;
                    for (Map.Entry<String, String> ad : ADS.entrySet()) {
                        if (ad.getValue().equals(campaign)) {
                            spend = spend.add(spend(ad.getKey(), day));
                            impressions += impressions(ad.getKey(), day);
                        }
                    }
                    rows.add(row(day, campaign, null, spend.toPlainString(), impressions,
                            day.equals(malformedDay) && campaign.equals("c2")));
                }
            }
        }
        int offset = params.containsKey("after") ? Integer.parseInt(new String(
                java.util.Base64.getUrlDecoder().decode(params.get("after")), StandardCharsets.UTF_8)) : 0;
        List<String> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + PAGE_SIZE, rows.size()));
        StringBuilder body = new StringBuilder("{\"data\":[").append(String.join(",", page)).append("],\"paging\":{"
                + "\"cursors\":{\"before\":\"").append(cursor(offset)).append("\",\"after\":\"")
                .append(cursor(offset + page.size())).append("\"}");
        if (offset + PAGE_SIZE < rows.size()) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("after", cursor(offset + PAGE_SIZE));
            body.append(",\"next\":\"https://graph.facebook.com").append(rawPath).append('?').append(form(next))
                    .append('"');
        }
        body.append("}}");
        ResponseDefinitionBuilder response = json(200, body.toString());
        synchronized (this) {
            if (stallAfter == 0) {
                stalled = true;
                response.withFixedDelay(stallMillis);
            } else if (stallAfter > 0) {
                stallAfter--;
            }
        }
        return response.build();
    }

    private static String row(LocalDate day, String campaign, String ad, String spend, long impressions,
                              boolean malformed) {
        return "{\"account_id\":\"1001\",\"account_currency\":\"EUR\",\"campaign_id\":\"" + campaign + "\","
                + "\"campaign_name\":\"Campaign " + campaign + "\","
                + (ad == null ? "" : "\"adset_id\":\"" + (campaign.equals("c1") ? "s1" : "s2") + "\",\"ad_id\":\""
                + ad + "\",")
                + "\"spend\":\"" + (malformed ? "12,5O" : spend) + "\",\"impressions\":\"" + impressions + "\","
                // purchases as Meta's insights report them: omni_purchase, and the pixel's share of it
                + "\"clicks\":\"21\",\"actions\":[{\"action_type\":\"offsite_conversion.fb_pixel_purchase\","
                + "\"value\":\"2\",\"7d_click\":\"2\"},{\"action_type\":\"omni_purchase\",\"value\":\"2\","
                + "\"7d_click\":\"2\"},{\"action_type\":\"lead\",\"value\":\"1\",\"7d_click\":\"1\"}],"
                + "\"action_values\":[{\"action_type\":\"offsite_conversion.fb_pixel_purchase\",\"value\":\"99.5\","
                + "\"7d_click\":\"99.5\"},{\"action_type\":\"omni_purchase\",\"value\":\"99.5\","
                + "\"7d_click\":\"99.5\"}],\"date_start\":\"" + day + "\","
                + "\"date_stop\":\"" + day + "\"}";
    }

    private static String campaign(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"objective\":"
                + "\"OUTCOME_SALES\",\"account_id\":\"1001\"}";
    }

    private static String adSet(String id, String campaign) {
        return "{\"id\":\"" + id + "\",\"name\":\"Set " + id + "\",\"status\":\"ACTIVE\",\"campaign_id\":\""
                + campaign + "\"}";
    }

    private static String cursor(int offset) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("X-App-Usage", "{\"call_count\":2,\"total_cputime\":1,\"total_time\":1}")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, int code, String type, String message) {
        return json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":"
                + code + ",\"fbtrace_id\":\"AbCdEfGh123\"}}");
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        List<String> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }
}
