package io.catalyst.core.api;

import io.catalyst.core.identity.Caller;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import jakarta.enterprise.context.RequestScoped;

/** The verified caller of the current REST request. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller verified) {
        this.caller = verified;
    }

    public Caller caller() {
        if (caller == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Send a bearer token.");
        }
        return caller;
    }
}
