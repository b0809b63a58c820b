package io.catalyst.core.identity;

/** A sign-in that did not succeed, with a reason safe to show: it never says whether the email exists. */
public class SignInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as the person may be told. */
    public enum Reason {
        BAD_CREDENTIALS("The email or password is not right."),
        THROTTLED("Too many failed attempts from this address. Wait a few minutes and try again.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public SignInException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
