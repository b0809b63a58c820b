package io.catalyst.plugins.scoring;

import io.catalyst.plugins.scoring.model.LeadFacts;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of leads (a header row, then one lead per row) into leads and a report of every row that is not
 * one, with its line and why. Only whole rows are taken: a row with one bad value is reported and left out entirely.
 */
final class CsvImport {

    /** Rows one file may hold: an import is scored while the request waits. */
    static final int MAX_ROWS = 2_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** Header names people and exports use, to the field they mean (compared without case, spaces, _ or -). */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("emailaddress", "email"),
            Map.entry("name", "name"), Map.entry("fullname", "name"),
            Map.entry("company", "company"), Map.entry("companyname", "company"),
            Map.entry("phone", "phone"), Map.entry("phonenumber", "phone"), Map.entry("mobilephone", "phone"),
            Map.entry("jobtitle", "jobTitle"), Map.entry("title", "jobTitle"),
            Map.entry("employees", "employees"), Map.entry("numberofemployees", "employees"),
            Map.entry("companysize", "employees"),
            Map.entry("industry", "industry"), Map.entry("country", "country"),
            Map.entry("form", "form"), Map.entry("firstform", "form"),
            Map.entry("pageviews", "pageViews"), Map.entry("emailopens", "emailOpens"),
            Map.entry("channel", "channel"), Map.entry("source", "channel"),
            Map.entry("createdat", "createdAt"), Map.entry("created", "createdAt"));

    /** A row that was left out, by its line in the file (the header is line 1). */
    record RowError(long line, String message) {
    }

    /** What a file gave: the leads, the rows left out, and the columns nothing reads. */
    record Result(List<Leads.Incoming> leads, List<RowError> errors, List<String> ignoredColumns) {
    }

    /** Thrown when the file as a whole cannot be read: no header, no email column, too many rows. */
    static final class BadFile extends IllegalArgumentException {
        BadFile(String message) {
            super(message);
        }
    }

    private CsvImport() {
    }

    static Result read(String csv, ZoneId zone, Instant now) {
        if (csv == null || csv.isBlank()) {
            throw new BadFile("The file is empty: send CSV text with a header row, e.g. email,name,company.");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv),
                format)) {
            Map<String, String> fieldOf = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String header : parser.getHeaderNames()) {
                String field = COLUMNS.get(header.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
                if (field == null) {
                    ignored.add(header);
                } else if (!seen.add(field)) {
                    throw new BadFile("Two columns mean " + field + ": keep one.");
                } else {
                    fieldOf.put(header, field);
                }
            }
            if (!fieldOf.containsValue("email")) {
                throw new BadFile("The header row has no email column (found: " + String.join(", ",
                        parser.getHeaderNames()) + ").");
            }
            List<Leads.Incoming> leads = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            Set<String> emails = new LinkedHashSet<>();
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw new BadFile("The file has more than " + MAX_ROWS + " leads: split it.");
                }
                long line = parser.getCurrentLineNumber();
                try {
                    Leads.Incoming lead = lead(record, fieldOf, zone, now);
                    if (!emails.add(lead.externalId())) {
                        throw new IllegalArgumentException("the address " + lead.email() + " came earlier in the"
                                + " file");
                    }
                    leads.add(lead);
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(line, e.getMessage()));
                }
            }
            return new Result(leads, errors, ignored);
        } catch (IOException | UncheckedIOException e) {
            throw new BadFile("The file is not CSV that can be read: " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof BadFile bad) {
                throw bad;
            }
            throw new BadFile("The file is not CSV that can be read: " + e.getMessage());
        }
    }

    private static Leads.Incoming lead(CSVRecord record, Map<String, String> fieldOf, ZoneId zone, Instant now) {
        if (!record.isConsistent()) {
            throw new IllegalArgumentException("it has " + record.size() + " values where the header has "
                    + record.getParser().getHeaderNames().size());
        }
        Map<String, String> v = new HashMap<>();
        fieldOf.forEach((header, field) -> {
            String value = record.isMapped(header) ? record.get(header) : null;
            if (value != null && !value.isBlank()) {
                v.put(field, value.strip());
            }
        });
        String email = v.get("email");
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 320) {
            throw new IllegalArgumentException(email == null ? "no email" : "\"" + email + "\" is not an email address");
        }
        email = email.toLowerCase(Locale.ROOT);
        Instant created = v.containsKey("createdAt") ? when(v.get("createdAt"), zone) : now;
        if (created.isAfter(now)) {
            throw new IllegalArgumentException("created " + v.get("createdAt") + " is in the future");
        }
        LeadFacts facts = new LeadFacts(null, created, v.getOrDefault("channel", "import"), text(v, "jobTitle", 200),
                count(v, "employees"), text(v, "industry", 100), text(v, "country", 60), text(v, "form", 200),
                count(v, "pageViews"), count(v, "emailOpens"), email);
        return new Leads.Incoming("import", "email:" + email, email, text(v, "name", 300), text(v, "company", 300),
                text(v, "phone", 100),
                facts, created, null);
    }

    private static String text(Map<String, String> v, String field, int max) {
        String s = v.get(field);
        if (s != null && s.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return s;
    }

    private static Integer count(Map<String, String> v, String field) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        try {
            long n = Long.parseLong(s.replace(",", "").replace("_", ""));
            if (n < 0 || n > 10_000_000) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " \"" + s + "\" is not a whole number from 0 to 10,000,000");
        }
    }

    private static Instant when(String s, ZoneId zone) {
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created \"" + s + "\" is not a date such as 2026-11-30 or"
                    + " 2026-11-30T09:15:00Z");
        }
    }
}
