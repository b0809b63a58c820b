package io.catalyst.core.database;

import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.util.List;

/** PostgreSQL could not be reached or answered with an error; the request may succeed when retried. */
public class DatabaseUnavailableException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable. Try again shortly.", List.of(), cause);
    }
}
