package io.catalyst.plugins.scoring;

import io.catalyst.plugins.scoring.model.LeadFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How usable a lead's data is, 0 to 100, with what is wrong in words: an address that is not one, a throwaway or a
 * shared inbox, fields sales needs that are missing. Duplicates are found across leads, in SQL ({@link Leads}).
 */
final class Quality {

    /** Below this a lead counts as poor (for a source's share of poor leads). */
    static final int POOR = 60;

    // the syntax a mail server accepts in practice: one @, a dotted domain, no spaces, a 2+ letter top-level domain
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.)+"
            + "[A-Za-z]{2,24}");
    /** Well-known throwaway mail services; an address there reaches nobody next week. */
    private static final Set<String> DISPOSABLE = Set.of("mailinator.com", "guerrillamail.com", "10minutemail.com",
            "tempmail.com", "temp-mail.org", "yopmail.com", "trashmail.com", "getnada.com", "sharklasers.com",
            "dispostable.com", "maildrop.cc", "throwawaymail.com", "fakeinbox.com", "mailnesia.com",
            "mintemail.com", "mohmal.com", "emailondeck.com", "spamgourmet.com", "tempail.com", "burnermail.io");
    /** Mailboxes of a team, not of a person. */
    private static final Set<String> SHARED = Set.of("info", "sales", "admin", "office", "contact", "hello",
            "support", "noreply", "no-reply", "marketing", "team", "mail");

    /** One thing wrong with a lead's data. */
    record Issue(String code, int cost, String words) {
    }

    /** A lead's quality: 100 less the costs of its issues. */
    record Report(int score, List<Issue> issues) {
    }

    private Quality() {
    }

    static Report of(LeadFacts facts, String name, String company) {
        List<Issue> issues = new ArrayList<>();
        String email = facts.email();
        if (email == null || email.isBlank()) {
            issues.add(new Issue("email-missing", 40, "No email address"));
        } else if (!EMAIL.matcher(email).matches()) {
            issues.add(new Issue("email-invalid", 40, "\"" + email + "\" is not a valid email address"));
        } else {
            String[] parts = email.toLowerCase(Locale.ROOT).split("@", 2);
            if (DISPOSABLE.contains(parts[1])) {
                issues.add(new Issue("email-disposable", 30, "A throwaway address (" + parts[1] + ")"));
            }
            if (SHARED.contains(parts[0])) {
                issues.add(new Issue("email-shared", 10, "A shared inbox (" + parts[0] + "@), not a person"));
            }
        }
        if (blank(name)) {
            issues.add(new Issue("name-missing", 15, "No name"));
        }
        if (blank(company)) {
            issues.add(new Issue("company-missing", 10, "No company"));
        }
        if (blank(facts.jobTitle())) {
            issues.add(new Issue("title-missing", 5, "No job title"));
        }
        int score = 100;
        for (Issue i : issues) {
            score -= i.cost();
        }
        return new Report(score, issues); // the costs add up to 70 at most
    }

    /** An address as people mean it: lower case, without a +tag, without the dots Gmail ignores. */
    static String normalEmail(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String[] parts = email.strip().toLowerCase(Locale.ROOT).split("@", 2);
        String local = parts[0].replaceAll("\\+.*$", "");
        if (parts[1].equals("gmail.com") || parts[1].equals("googlemail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + parts[1];
    }

    /** A person at a company as people mean it: letters and digits only, lower case, in order. */
    static String normalPerson(String name, String company) {
        if (blank(name) || blank(company)) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        String c = company.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(inc|ltd|llc|gmbh|ag|sa|bv|plc|corp|co)\\b\\.?", "").replaceAll("[^\\p{L}\\p{N}]", "");
        return n.isEmpty() || c.isEmpty() ? null : n + "|" + c;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
