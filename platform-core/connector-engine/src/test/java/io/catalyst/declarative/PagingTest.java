package io.catalyst.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

/** Each paginator: the parameters that ask for a page, and when an answer says there is another. */
class PagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Spec.Paginator paginator(Spec.PageType type, String param, String tokenPath, String sizeParam,
                                            int size, int start, String totalPath, String totalPagesPath) {
        return new Spec.Paginator(type, param, tokenPath, sizeParam, size, start, totalPath, totalPagesPath);
    }

    @Test
    void eachPaginatorTypeHasItsPaging() {
        assertThat(Paging.of(paginator(Spec.PageType.CURSOR, "after", "next", null, 0, 0, null, null)))
                .isInstanceOf(Paging.Cursor.class);
        assertThat(Paging.of(paginator(Spec.PageType.OFFSET, "start", null, null, 10, 0, null, null)))
                .isInstanceOf(Paging.Offset.class);
        assertThat(Paging.of(paginator(Spec.PageType.PAGE, "page", null, null, 10, 1, null, null)))
                .isInstanceOf(Paging.Pages.class);
        assertThat(Paging.of(Spec.Paginator.NONE)).isInstanceOf(Paging.None.class);
    }

    @Test
    void aCursorIsSentFromTheSecondPageOnAndFollowedWhileRecordsCome() {
        Paging paging = Paging.of(paginator(Spec.PageType.CURSOR, "page[after]", "paging.next", null, 0, 0, null,
                null));

        assertThat(paging.params(null)).isEmpty();
        assertThat(paging.params("tok 2/3")).containsExactly("page%5Bafter%5D=tok%202%2F3");
        assertThat(paging.next(null, json("{\"paging\":{\"next\":\"tok-2\"}}"), 5)).isEqualTo("tok-2");
        assertThat(paging.next("tok-2", json("{\"paging\":{\"next\":\"\"}}"), 5)).isNull();
        assertThat(paging.next("tok-2", json("{\"paging\":{}}"), 5)).isNull();
        assertThat(paging.next("tok-2", json("{\"paging\":{\"next\":null}}"), 5)).isNull();
        assertThat(paging.next("tok-2", json("{\"paging\":{\"next\":\"tok-3\"}}"), 0)).as("an empty page ends")
                .isNull();
    }

    @Test
    void anOffsetStopsAtTheStatedTotalElseAtAShortPage() {
        Paging paging = Paging.of(paginator(Spec.PageType.OFFSET, "start", null, "count", 100, 0, "paging.total",
                null));

        assertThat(paging.params(null)).containsExactly("start=0", "count=100");
        assertThat(paging.params("200")).containsExactly("start=200", "count=100");
        assertThat(paging.next(null, json("{\"paging\":{\"total\":250}}"), 100)).isEqualTo("100");
        assertThat(paging.next("200", json("{\"paging\":{\"total\":250}}"), 50)).isNull();
        assertThat(paging.next(null, json("{\"paging\":{\"total\":250}}"), 50))
                .as("a provider that caps the page size still pages to the total").isEqualTo("50");
        assertThat(paging.next("100", json("{\"paging\":{\"total\":\"250\"}}"), 100)).isEqualTo("200");
        assertThat(paging.next(null, json("{}"), 100)).as("no total: a full page may have more").isEqualTo("100");
        assertThat(paging.next("100", json("{}"), 99)).isNull();
        assertThat(paging.next("100", json("{\"paging\":{\"total\":\"many\"}}"), 99)).isNull();
        assertThat(paging.next(null, json("{\"paging\":{\"total\":250}}"), 0)).isNull();
    }

    @Test
    void anOffsetWithoutASizeParameterSendsOnlyTheOffset() {
        Paging paging = Paging.of(paginator(Spec.PageType.OFFSET, "offset", null, null, 25, 1, null, null));

        assertThat(paging.params(null)).containsExactly("offset=1");
        assertThat(paging.next(null, MissingNode.getInstance(), 25)).isEqualTo("26");
    }

    @Test
    void pageNumbersStopAtTheTotalPagesThenTheTotalRecordsThenAShortPage() {
        Paging byPages = Paging.of(paginator(Spec.PageType.PAGE, "page", null, "page_size", 2, 1, null,
                "data.page_info.total_page"));
        assertThat(byPages.params(null)).containsExactly("page=1", "page_size=2");
        assertThat(byPages.params("3")).containsExactly("page=3", "page_size=2");
        assertThat(byPages.next(null, json("{\"data\":{\"page_info\":{\"total_page\":2}}}"), 2)).isEqualTo("2");
        assertThat(byPages.next("2", json("{\"data\":{\"page_info\":{\"total_page\":2}}}"), 2)).isNull();
        assertThat(byPages.next("1", json("{\"data\":{\"page_info\":{\"total_page\":9}}}"), 0)).isNull();

        Paging byRecords = Paging.of(paginator(Spec.PageType.PAGE, "page", null, null, 2, 1, "total", null));
        assertThat(byRecords.params(null)).containsExactly("page=1");
        assertThat(byRecords.next("2", json("{\"total\":5}"), 2)).isEqualTo("3");
        assertThat(byRecords.next("3", json("{\"total\":5}"), 1)).isNull();
        assertThat(byRecords.next("2", json("{}"), 2)).isEqualTo("3");
        assertThat(byRecords.next("2", json("{}"), 1)).isNull();
    }

    @Test
    void pagesCanCountFromZero() {
        Paging paging = Paging.of(paginator(Spec.PageType.PAGE, "p", null, null, 10, 0, null, "pages"));

        assertThat(paging.params(null)).containsExactly("p=0");
        assertThat(paging.next(null, json("{\"pages\":2}"), 10)).isEqualTo("1");
        assertThat(paging.next("1", json("{\"pages\":2}"), 10)).isNull();
    }

    @Test
    void withoutAPaginatorOneAnswerIsAll() {
        Paging paging = Paging.of(Spec.Paginator.NONE);

        assertThat(paging.params(null)).isEmpty();
        assertThat(paging.next(null, json("{\"next\":\"tok\",\"total\":99}"), 10)).isNull();
    }
}
