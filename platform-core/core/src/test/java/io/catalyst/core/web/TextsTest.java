package io.catalyst.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void refusesNulControlCharactersAndOverLongText() {
        assertThat(Texts.problem("Acme\u0000", 200, false)).isEqualTo("no NUL characters");
        assertThat(Texts.problem("Acme\u001b[2J", 200, false)).isEqualTo("no control characters");
        assertThat(Texts.problem("two\nlines", 200, false)).isEqualTo("no control characters");
        assertThat(Texts.problem("two\nlines", 200, true)).isNull();
        assertThat(Texts.problem("x".repeat(201), 200, false)).isEqualTo("at most 200 characters");
        assertThat(Texts.problem("Zürich 東京 🚀", 200, false)).isNull();
        assertThat(Texts.problem(null, 200, false)).isNull();
    }

    @Test
    void namesEveryFieldAtOnce() {
        List<Problem.FieldError> errors = new ArrayList<>();
        Texts.check(errors, "name", "a\u0000", Texts.NAME);
        Texts.checkAll(errors, "accounts", List.of("ok", "y".repeat(Texts.KEY + 1)), Texts.KEY);

        assertThatThrownBy(() -> Texts.require(errors, "The connection")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("name: no NUL characters").hasMessageContaining("accounts: at most 200");
    }
}
