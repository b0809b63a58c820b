package io.catalyst.ui.shell;

/** Navigation to a screen the user may not open. */
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String permission) {
        super(permission);
    }
}
