package io.catalyst.demodata;

import java.time.LocalDate;

/**
 * A sale the advertiser runs on every channel: budgets and conversion rates are up from {@code from} to {@code to}.
 *
 * @param name the sale's name, which campaign names take up (e.g. "Prospecting – Spring Sale")
 */
public record Promotion(String name, LocalDate from, LocalDate to) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
