package io.catalyst.api;

/**
 * A deliberate, expected error a plugin reports to its caller, such as invalid input or a missing record.
 *
 * <p>The host turns it into an {@code application/problem+json} response (status, title, detail) or a message in the
 * UI. Unlike any other exception it does NOT mark the plugin as failed: throw it for the caller's mistakes, and let
 * real bugs surface as ordinary exceptions.
 */
public final class PluginProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    /**
     * @param status HTTP status, 400 to 599
     * @param title  short, fixed summary of the kind of problem, e.g. {@code Invalid date range}
     * @param detail explanation of this occurrence, shown to the user
     */
    public PluginProblem(int status, String title, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, was " + status);
        }
        this.status = status;
        this.title = title;
    }

    /** A 400 Bad Request problem. */
    public static PluginProblem badRequest(String detail) {
        return new PluginProblem(400, "Bad request", detail);
    }

    /** A 404 Not Found problem. */
    public static PluginProblem notFound(String detail) {
        return new PluginProblem(404, "Not found", detail);
    }

    /** The HTTP status the host answers with. */
    public int status() {
        return status;
    }

    /** Short summary of the kind of problem. */
    public String title() {
        return title;
    }

    /** Explanation of this occurrence. */
    public String detail() {
        return getMessage();
    }
}
