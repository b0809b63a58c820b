package io.catalyst.plugins.scoring;

import io.catalyst.plugins.scoring.model.LeadFacts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Whether two leads are probably the same person: the same address, the same phone, or a similar name at the same
 * company. Pure logic: the caller fetches candidates in SQL by shared keys ({@link Quality#normalEmail},
 * {@link Quality#normalPhone}, {@link #companyKey}, {@link #domainKey}) and asks {@link #match} of each pair.
 * It leans to missing a duplicate rather than merging two people: a miss costs a second call, a false merge a
 * contact.
 */
final class Duplicates {

    /** Same address: the same person, unless the inbox is a team's. */
    static final double SAME_EMAIL = 1.0;
    /** Same phone and nothing in the names says otherwise; a shared office line is why not 1. */
    static final double SAME_PHONE = 0.9;
    /** The same name, word for word, at the same company. */
    static final double SAME_NAME = 0.85;
    /** A middle name more or less, a typo in a long name, at the same company. */
    static final double SIMILAR_NAME = 0.75;
    /** An initial for a first name ("A. Müller"): the initial may stand for a colleague too. */
    static final double INITIAL_NAME = 0.65;
    /** Taken off a name match when the companies are only alike, not the same after normalising. */
    static final double ALIKE_COMPANY_DISCOUNT = 0.1;

    /** Jaro-Winkler at or above which two words of a name are one word mistyped. */
    static final double NAME_WORD_ALIKE = 0.92;
    /** Jaro-Winkler at or above which two company keys are one company mistyped. */
    static final double COMPANY_ALIKE = 0.94;
    /** Words shorter than this are only ever the same when equal: Jan and Jana, Mark and Mary are not. */
    private static final int MIN_FUZZY = 5;
    /** Hostile input: no name or company is longer, and no name has more words. */
    private static final int MAX_TEXT = 200;
    private static final int MAX_WORDS = 6;

    /** Why two leads look like one person. */
    enum Basis { EMAIL, PHONE, NAME }

    /** A likely duplicate: how sure, on what grounds, and why in words. */
    record Match(double confidence, Basis basis, String reason) {
    }

    /**
     * What a lead tells about who it is; any field may be null.
     *
     * @param country ISO 3166 alpha-2, for phone numbers without + or 00
     */
    record Person(String name, String company, String email, String phone, String country) {

        static Person of(LeadFacts facts, String name, String company, String phone) {
            return new Person(name, company, facts.email(), phone, facts.country());
        }
    }

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Honorifics and degrees: not part of who someone is. Jr and Sr stay: they tell father from son. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame",
            "herr", "frau", "mme", "mlle", "phd", "md", "mba", "msc", "bsc", "dipl", "ing", "mag", "drs", "esq",
            "rev");
    /** Legal forms at a company name's end: "Helix Labs GmbH" is "Helix Labs Ltd". */
    private static final Set<String> LEGAL = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp", "lp",
            "gmbh", "mbh", "ag", "kg", "ohg", "ug", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc",
            "corp", "corporation", "co", "company", "oy", "ab", "as", "aps", "asa", "pty", "pvt", "pte", "kk",
            "ltda", "sl", "group", "holding", "holdings");
    /** Mail services anyone signs up to: a shared domain there says nothing about a shared company. */
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk",
            "yahoo.de", "yahoo.fr", "hotmail.com", "hotmail.de", "hotmail.co.uk", "outlook.com", "outlook.de",
            "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "gmx.de", "gmx.net", "gmx.at",
            "gmx.ch", "web.de", "t-online.de", "freenet.de", "mail.ru", "yandex.ru", "yandex.com", "qq.com",
            "163.com", "proton.me", "protonmail.com", "zoho.com", "fastmail.com", "hey.com", "mail.com",
            "orange.fr", "free.fr", "laposte.net", "libero.it", "btinternet.com", "comcast.net", "seznam.cz",
            "wp.pl", "o2.pl");

    private Duplicates() {
    }

    /** Whether {@code b} is probably the same person as {@code a}; the reason's words name {@code b}. */
    static Optional<Match> match(Person a, Person b) {
        Names names = names(a.name(), b.name());
        String email = Quality.normalEmail(a.email());
        if (email != null && email.equals(Quality.normalEmail(b.email())) && !Quality.sharedInbox(email)) {
            return Optional.of(new Match(SAME_EMAIL, Basis.EMAIL, "Same email address as " + who(b)));
        }
        String phone = Quality.normalPhone(a.phone(), a.country());
        if (phone != null && phone.equals(Quality.normalPhone(b.phone(), b.country())) && names != Names.DIFFERENT) {
            return Optional.of(new Match(SAME_PHONE, Basis.PHONE, "Same phone number as " + who(b)));
        }
        Company company = company(a, b);
        double confidence = switch (names) {
            case SAME -> SAME_NAME;
            case SIMILAR -> SIMILAR_NAME;
            case INITIAL -> company == Company.SAME ? INITIAL_NAME : 0; // two doubts are one too many
            default -> 0;
        };
        if (confidence == 0 || company == Company.DIFFERENT) {
            return Optional.empty();
        }
        if (company == Company.ALIKE) {
            confidence -= ALIKE_COMPANY_DISCOUNT;
        }
        String said = switch (names) {
            case SAME -> "Same name";
            case SIMILAR -> "Similar name";
            default -> "Similar name (by an initial)";
        };
        return Optional.of(new Match(Math.round(confidence * 100) / 100.0, Basis.NAME,
                said + " at the same company as " + who(b)));
    }

    /**
     * A company as people mean it, for finding candidates in SQL: lower case, letters and digits only, without
     * legal forms ("Helix Labs GmbH & Co. KG" and "helix labs" are both {@code helixlabs}); null when blank.
     */
    static String companyKey(String company) {
        List<String> words = companyWords(company);
        return words.isEmpty() ? null : String.join("", words);
    }

    /**
     * An address's domain when it belongs to a company ({@code helix.com}), for finding candidates in SQL; null for
     * free mail, throwaway domains and what is no address.
     */
    static String domainKey(String email) {
        String normal = Quality.normalEmail(email);
        if (normal == null) {
            return null;
        }
        String domain = normal.substring(normal.indexOf('@') + 1);
        return domain.contains(".") && domain.length() <= MAX_TEXT && !FREE_MAIL.contains(domain)
                && !Quality.disposable(domain) ? domain : null;
    }

    /** How two names compare; COMPATIBLE when too little is known to tell (one blank, or a first name only). */
    enum Names { SAME, SIMILAR, INITIAL, COMPATIBLE, DIFFERENT }

    static Names names(String a, String b) {
        List<String> x = nameWords(a);
        List<String> y = nameWords(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Names.COMPATIBLE;
        }
        List<String> shorter = x.size() <= y.size() ? x : y;
        List<String> longer = new ArrayList<>(shorter == x ? y : x);
        List<String> left = new ArrayList<>();
        int exact = 0;
        // word order does not matter ("Smith John"): pair equal words first, then typos, then initials
        for (String w : shorter) {
            if (w.length() > 1 && longer.remove(w)) {
                exact++;
            } else {
                left.add(w);
            }
        }
        int fuzzy = 0;
        int initials = 0;
        for (String w : left) {
            String typo = longer.stream().filter(v -> typo(w, v)).findFirst().orElse(null);
            if (typo != null) {
                longer.remove(typo);
                fuzzy++;
                continue;
            }
            String initial = longer.stream().filter(v -> initial(w, v)).findFirst().orElse(null);
            if (initial == null) {
                return Names.DIFFERENT;
            }
            longer.remove(initial);
            initials++;
        }
        if (shorter.size() < 2 || exact == 0) {
            return Names.COMPATIBLE; // "Anna" and "Anna Müller", "J. Smith" and "John S.": nothing to go on
        }
        if (initials > 1 || fuzzy > 1) {
            return Names.COMPATIBLE;
        }
        if (initials == 1) {
            return Names.INITIAL;
        }
        return fuzzy == 0 && longer.isEmpty() ? Names.SAME : Names.SIMILAR;
    }

    /** The words of a name, folded, without titles, given name first ("Smith, John" is John Smith). */
    static List<String> nameWords(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<List<String>> parts = new ArrayList<>();
        for (String part : clip(name).split(",")) {
            List<String> words = words(part).stream().filter(w -> !TITLES.contains(w)).toList();
            if (!words.isEmpty()) {
                parts.add(words); // ", PhD" and ", Dr." leave nothing
            }
        }
        if (parts.size() == 2) {
            parts = List.of(parts.get(1), parts.get(0)); // "Last, First"
        }
        List<String> out = parts.stream().flatMap(List::stream).toList();
        return out.size() > MAX_WORDS ? out.subList(0, MAX_WORDS) : out;
    }

    private enum Company { SAME, ALIKE, DIFFERENT }

    /** The same company by name after normalising, or by a work domain; alike when a key is mistyped. */
    private static Company company(Person a, Person b) {
        String x = companyKey(a.company());
        String y = companyKey(b.company());
        String domain = domainKey(a.email());
        if (x != null && x.equals(y) || domain != null && domain.equals(domainKey(b.email()))) {
            return Company.SAME;
        }
        if (x != null && y != null && Math.min(x.length(), y.length()) >= MIN_FUZZY
                && JW.apply(x, y) >= COMPANY_ALIKE) {
            return Company.ALIKE;
        }
        return Company.DIFFERENT;
    }

    private static List<String> companyWords(String company) {
        if (company == null || company.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        boolean spelled = false; // S.A., S.p.A., I.B.M.: single letters are one word
        for (String w : words(clip(company).replace("&", " and "))) {
            if (w.length() == 1 && spelled) {
                words.set(words.size() - 1, words.get(words.size() - 1) + w);
            } else {
                words.add(w);
                spelled = w.length() == 1;
            }
        }
        List<String> all = List.copyOf(words);
        if (!words.isEmpty() && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (!words.isEmpty() && (LEGAL.contains(words.get(words.size() - 1))
                || words.get(words.size() - 1).equals("and"))) {
            words.remove(words.size() - 1); // "GmbH & Co. KG" is three legal words and an "and"
        }
        return words.isEmpty() ? all : words; // a company called "AG" is still a name
    }

    /** Lower case, without accents, umlauts as their plain vowel (Müller, Mueller and Muller are one name). */
    private static List<String> words(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l").replace("đ", "d");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace("ae", "a").replace("oe", "o").replace("ue", "u"); // both sides alike, so Samuel is "samul"
        List<String> out = new ArrayList<>();
        for (String w : NOT_WORD.split(s)) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * One long word mistyped: close by Jaro-Winkler, and the same first and last letter, since endings tell names
     * apart (Daniel and Daniela, Christina and Christine, Michael and Michelle).
     */
    private static boolean typo(String a, String b) {
        return a.length() >= MIN_FUZZY && b.length() >= MIN_FUZZY && a.charAt(0) == b.charAt(0)
                && a.charAt(a.length() - 1) == b.charAt(b.length() - 1) && JW.apply(a, b) >= NAME_WORD_ALIKE;
    }

    /** "a" for "anna"; two equal initials say too little, so they count as initials too. */
    private static boolean initial(String a, String b) {
        return (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0);
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    /** How a reason names the other lead: by name, else address, else number. */
    private static String who(Person p) {
        for (String s : new String[] {p.name(), p.email(), p.phone()}) {
            if (s != null && !s.isBlank()) {
                String t = s.strip();
                return t.codePointCount(0, t.length()) <= 60 ? t : t.substring(0, t.offsetByCodePoints(0, 60)) + "…";
            }
        }
        return "another lead";
    }
}
