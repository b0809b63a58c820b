package io.catalyst.plugins.scoring.model;

import java.time.Instant;

/**
 * What both models know of a lead when they score it: where it came from, who it is, how engaged it is. Every field
 * but {@code id} and {@code createdAt} may be null (unknown); a model reads an unknown as its own value, not as zero.
 *
 * @param id         the lead's id in the plugin
 * @param createdAt  when the lead came in (the rules model's decay counts from here)
 * @param channel    the ad channel it came from, e.g. {@code google-ads}, {@code meta-ads}; or {@code web-form}
 * @param jobTitle   as the person gave it, e.g. "VP Marketing"
 * @param employees  the company's head count
 * @param industry   e.g. "Software"
 * @param country    ISO 3166 alpha-2, e.g. "DE"
 * @param form       the form the lead first filled in, e.g. "Demo request"
 * @param pageViews  pages of the site the person viewed
 * @param emailOpens marketing emails the person opened
 * @param email      the address (its domain tells a work address from a personal one)
 */
public record LeadFacts(String id, Instant createdAt, String channel, String jobTitle, Integer employees,
                        String industry, String country, String form, Integer pageViews, Integer emailOpens,
                        String email) {
}
