package io.catalyst.api.ai;

import java.time.YearMonth;

/**
 * A tenant's AI credits for a month. One credit is 1,000 tokens, prompt and reply together, as the provider counts
 * them. Since API 0.8.0.
 *
 * @param month the month (in the tenant's time zone)
 * @param used  credits used so far, rounded up
 * @param quota the monthly quota
 */
public record Credits(YearMonth month, long used, long quota) {

    /** Tokens per credit. */
    public static final int TOKENS_PER_CREDIT = 1_000;

    public long left() {
        return Math.max(0, quota - used);
    }

    public boolean exhausted() {
        return used >= quota;
    }
}
