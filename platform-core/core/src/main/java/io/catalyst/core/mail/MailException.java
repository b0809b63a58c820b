package io.catalyst.core.mail;

import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.util.List;

/** The mail server refused or could not be reached; the action that needed the mail did not happen. */
public class MailException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public MailException(String detail, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail + ". Try again shortly.", List.of(), cause);
    }
}
