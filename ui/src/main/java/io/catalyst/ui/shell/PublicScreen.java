package io.catalyst.ui.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A screen for people who are not signed in: sign-in, accepting an invitation, resetting a password. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicScreen {

    /** What the shell uses the screen for, if anything. */
    Role role() default Role.NONE;

    /** The public screens the shell needs, found by their role so that it never names them. */
    enum Role {
        /** Nothing the shell needs. */
        NONE,
        /** Where the {@link Guard} sends anyone who is not signed in; exactly one screen has this role. */
        SIGN_IN
    }
}
