package io.catalyst.plugins.metaads;

import io.catalyst.api.connect.ProviderException.Kind;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.host.HttpResult;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;

/**
 * Meta's error bodies, classified. Graph API answers most failures with 400 or 403 and an {@code error} object whose
 * {@code code} says what happened (developers.facebook.com/docs/graph-api/guides/error-handling): HTTP status alone
 * cannot tell an expired token from a throttled account.
 */
final class MetaAdsErrors {

    private MetaAdsErrors() {
    }

    static ProviderException classify(HttpResult result, JsonObject body) {
        JsonObject error = body == null ? null : body.getJsonObject("error");
        if (error == null) {
            return new ProviderException(Kind.PROVIDER_FAILED, "Meta answered HTTP " + result.status(), null);
        }
        int code = number(error, "code");
        int subcode = number(error, "error_subcode");
        String message = error.getString("message", "no message");
        String trace = error.getString("fbtrace_id", null);
        String detail = "Meta error " + code + (subcode > 0 ? "/" + subcode : "") + ": " + message
                + (trace == null ? "" : " (fbtrace_id " + trace + ")");
        // 190 "Access token has expired", 102 "API Session": the tenant must connect again
        if (code == 190 || code == 102) {
            return new ProviderException(Kind.AUTH_EXPIRED, detail, null);
        }
        if (isThrottling(code)) {
            return new ProviderException(Kind.RATE_LIMITED, detail, regainAccess(result));
        }
        return new ProviderException(Kind.PROVIDER_FAILED, detail, null);
    }

    static ProviderException unreadable(int status) {
        return new ProviderException(Kind.PROVIDER_FAILED, "Meta answered HTTP " + status + " with no JSON object",
                null);
    }

    /**
     * 4 application limit, 17 user limit, 32 Pages limit, 613 ad-account limit; 80000-80014 are the business use
     * case limits (80000 ads insights, 80004 ads management, ...), all "wait and retry" in Meta's table.
     */
    static boolean isThrottling(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014);
    }

    /**
     * The longest wait Meta's usage headers name: {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage}, shaped {@code {"<business id>": [{"type": "ads_insights", "call_count": 100,
     * ..., "estimated_time_to_regain_access": 19}]}}, and {@code reset_time_duration} (seconds) in
     * {@code X-Ad-Account-Usage}, shaped {@code {"acc_id_util_pct": 100, "reset_time_duration": 240, ...}}; null when
     * neither says anything (the host then honours {@code Retry-After}, else backs off).
     */
    static Duration regainAccess(HttpResult result) {
        Duration longest = null;
        for (String value : result.headers().getOrDefault("x-ad-account-usage", List.of())) {
            JsonObject usage = MetaAdsApi.parse(value);
            long seconds = usage == null ? 0 : number(usage, "reset_time_duration");
            if (seconds > 0) {
                longest = Duration.ofSeconds(seconds);
            }
        }
        List<String> values = result.headers().get("x-business-use-case-usage");
        if (values == null) {
            return longest;
        }
        long minutes = 0;
        for (String value : values) {
            JsonObject usage = MetaAdsApi.parse(value);
            if (usage == null) {
                continue;
            }
            for (JsonValue perBusiness : usage.values()) {
                if (perBusiness.getValueType() != JsonValue.ValueType.ARRAY) {
                    continue;
                }
                for (JsonValue entry : perBusiness.asJsonArray()) {
                    if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                        minutes = Math.max(minutes, number(entry.asJsonObject(), "estimated_time_to_regain_access"));
                    }
                }
            }
        }
        Duration regain = minutes > 0 ? Duration.ofMinutes(minutes) : null;
        return longest == null || (regain != null && regain.compareTo(longest) > 0) ? regain : longest;
    }

    private static int number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber n) {
            return n.intValue();
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return Integer.parseInt(object.getString(name).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
