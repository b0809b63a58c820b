package io.catalyst.core.web;

import java.util.List;

/**
 * The limits of text that people and clients send, checked where it enters (REST, screens, manifests) before it
 * reaches the database. docs/api.md lists them under "Limits".
 */
public final class Texts {

    /** Names people give things: a connection, a token, a company, a person. */
    public static final int NAME = 200;
    /** Descriptions and other free text of one field. */
    public static final int DESCRIPTION = 2_000;
    /** An email address (RFC 5321: 64 before the @, 254 in all). */
    public static final int EMAIL = 254;
    /** An API key, a secret or a setting's value. */
    public static final int SECRET = 4_096;
    /** An account id or similar key of a provider. */
    public static final int KEY = 200;
    /** How many items a list in a request may hold (accounts, roles, permissions). */
    public static final int ITEMS = 1_000;

    private Texts() {
    }

    /**
     * Why a text is not acceptable, or null: longer than {@code max}, or holding control characters (NUL and the
     * like; line breaks and tabs only where {@code multiLine}).
     */
    public static String problem(String value, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "at most " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) && !allowed) || c == '\u2028' || c == '\u2029') {
                return c == 0 ? "no NUL characters" : "no control characters";
            }
        }
        return null;
    }

    /** Adds a field error when {@link #problem} finds one. */
    public static void check(List<Problem.FieldError> errors, String field, String value, int max) {
        String why = problem(value, max, false);
        if (why != null) {
            errors.add(new Problem.FieldError(field, why));
        }
    }

    /** Adds a field error for a multi-line text. */
    public static void checkMultiLine(List<Problem.FieldError> errors, String field, String value, int max) {
        String why = problem(value, max, true);
        if (why != null) {
            errors.add(new Problem.FieldError(field, why));
        }
    }

    /** Checks every item of a list, and the list's size. */
    public static void checkAll(List<Problem.FieldError> errors, String field, List<String> values, int max) {
        if (values == null) {
            return;
        }
        if (values.size() > ITEMS) {
            errors.add(new Problem.FieldError(field, "at most " + ITEMS + " items"));
            return;
        }
        for (String value : values) {
            String why = problem(value, max, false);
            if (why != null) {
                errors.add(new Problem.FieldError(field, why));
                return;
            }
        }
    }

    /** Throws a validation problem when there are errors. */
    public static void require(List<Problem.FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, what + " is not valid: " + String.join("; ",
                    errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors, null);
        }
    }
}
