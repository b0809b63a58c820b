package io.catalyst.plugins.scoring;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.catalyst.plugins.scoring.model.LeadFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How usable a lead's data is, 0 to 100, with what is wrong in words: an address that is not one, a throwaway or a
 * shared inbox, a phone number that is not one, fields sales needs that are missing. Duplicates are found across
 * leads: candidates in SQL by shared keys ({@link Leads}), then judged pair by pair ({@link Duplicates}).
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

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Longer than any number with an extension people type; past this we do not ask the parser. */
    private static final int MAX_PHONE = 64;
    /** How much of a bad value an issue quotes back. */
    private static final int QUOTE = 40;

    /** One thing wrong with a lead's data. */
    record Issue(String code, int cost, String words) {
    }

    /** A lead's quality: 100 less the costs of its issues. */
    record Report(int score, List<Issue> issues) {
    }

    private Quality() {
    }

    /** A lead's quality when its phone number is not known to the caller. */
    static Report of(LeadFacts facts, String name, String company) {
        return of(facts, name, company, null);
    }

    /**
     * A lead's quality.
     *
     * @param phone the number as the person gave it, or null; read in {@code facts.country()} unless it starts
     *              with + or 00
     */
    static Report of(LeadFacts facts, String name, String company, String phone) {
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
        // A missing phone costs nothing: many web forms never ask for one, and a source should not look poor for
        // its form's design. A number given but wrong does cost: someone typed filler, or sales dials nobody.
        if (!blank(phone) && !phoneValid(phone, facts.country())) {
            issues.add(new Issue("phone-invalid", 15,
                    "\"" + quote(phone.strip()) + "\" is not a valid phone number"));
        }
        int score = 100;
        for (Issue i : issues) {
            score -= i.cost();
        }
        return new Report(Math.max(0, score), issues); // the costs add up to 85 at most
    }

    /**
     * A phone number in E.164 ({@code +4930123456}), or null when it is not a valid number.
     *
     * @param country the lead's ISO 3166 alpha-2 country: how a number without + or 00 is read; null when unknown
     */
    static String normalPhone(String phone, String country) {
        PhoneNumber n = parsePhone(phone, region(country));
        return n != null && PHONES.isValidNumber(n) ? PHONES.format(n, PhoneNumberFormat.E164) : null;
    }

    /** Whether a number given is fine, or at least not known to be wrong. */
    private static boolean phoneValid(String phone, String country) {
        if (phone.codePoints().noneMatch(Character::isDigit)) {
            return true; // "-", "n/a", "none": no phone given, which costs nothing (above)
        }
        String region = region(country);
        if (region == null && !international(phone)) {
            // a national number from an unknown country: only a digit count too short or long for anywhere is wrong
            long digits = phone.codePoints().filter(Character::isDigit).count();
            return phone.length() <= MAX_PHONE && digits >= 6 && digits <= 20;
        }
        return normalPhone(phone, country) != null;
    }

    private static PhoneNumber parsePhone(String phone, String region) {
        if (blank(phone) || phone.length() > MAX_PHONE) {
            return null;
        }
        String p = phone.strip();
        if (region == null && p.startsWith("00")) {
            p = "+" + p.substring(2); // what most of the world dials abroad; with a region the parser knows its own
        }
        try {
            return PHONES.parse(p, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean international(String phone) {
        String p = phone.strip();
        return p.startsWith("+") || p.startsWith("\uFF0B") || p.startsWith("00");
    }

    /** A region the phone parser knows, from a country as leads give it ("de", "UK"), or null. */
    private static String region(String country) {
        if (blank(country)) {
            return null;
        }
        String c = country.strip().toUpperCase(Locale.ROOT);
        if (c.equals("UK")) {
            c = "GB"; // not ISO 3166, but what people write
        }
        return PHONES.getSupportedRegions().contains(c) ? c : null;
    }

    /** Whether mail to this domain reaches nobody next week. */
    static boolean disposable(String domain) {
        return domain != null && DISPOSABLE.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** Whether an address is a team's inbox rather than a person's. */
    static boolean sharedInbox(String email) {
        String normal = normalEmail(email);
        return normal != null && SHARED.contains(normal.substring(0, normal.indexOf('@')));
    }

    private static String quote(String value) {
        return value.codePointCount(0, value.length()) <= QUOTE ? value
                : value.substring(0, value.offsetByCodePoints(0, QUOTE)) + "…";
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
