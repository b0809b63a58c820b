package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\"\nline\u0001");
        m.put("n", 1.5);
        m.put("nan", Double.NaN);
        m.put("list", List.of(1, true));
        m.put("none", null);
        String json = Json.write(m);
        assertThat(json).isEqualTo("{\"s\":\"a \\\"quoted\\\"\\nline\\u0001\",\"n\":1.5,\"nan\":null,"
                + "\"list\":[1,true],\"none\":null}");
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(json);
        assertThat(back.get("s")).isEqualTo("a \"quoted\"\nline\u0001");
        assertThat(back.get("n")).isEqualTo(new BigDecimal("1.5"));
        assertThat(back.get("list")).isEqualTo(List.of(new BigDecimal("1"), true));
        assertThat(back).containsEntry("none", null);
    }

    @Test
    void isStrict() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1 2]", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "01", "1.",
                "'a'", "{a:1}", "\"\\x\"", "tru")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid JSON");
        }
    }
}
