package io.catalyst.plugins.calls.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void countingAgreesWithTokenisingOnTrickyText() {
        for (String text : List.of("", "   ", "Hi!", "don't stop", "it's 3,500.75 dollars", "rock 'n' roll",
                "'quoted' words", "end.", "a.b", "1,2,3", "x,", ",x", "I'm—really?? Yes…", "über café naïve",
                "won’t", "  spaced   out  ")) {
            assertThat(Tokens.count(text)).as(text).isEqualTo(Tokens.tokens(text).size());
        }
        // and on random mixes of the characters that decide token edges
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ab9 ',.?'’-";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Tokens.count(s.toString())).as("'" + s + "'").isEqualTo(Tokens.tokens(s.toString()).size());
        }
    }

    @Test
    void stemsAreTheSnowballStemsWhetherKeptOrNot() {
        assertThat(Tokens.stem("pricing")).isEqualTo("price").isEqualTo(new Tokens.Stemmer().stem("pricing"));
        assertThat(Tokens.stem("pricing")).as("the second time from the cache").isEqualTo("price");
        assertThat(Tokens.stem("budgets")).isEqualTo("budget");
    }

    @Test
    void fillersCountWordsPairsAndLikeWithAComma() {
        assertThat(Tokens.fillers("Um, you know, it was like, kind of slow. I like it. I mean it.")).isEqualTo(5);
        assertThat(Tokens.fillers("You knowledge sort")).isZero();
    }
}
