package cn.jxquality.complaint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    @Test
    void normalisesWhatItAccepts() {
        SearchCriteria c = SearchCriteria.parse(
                "+86 138 0013 8000", "jx20261125000001", "91360100158304019e", " 电器 ", "漏电", null, "5");
        assertEquals("13800138000", c.mobile());
        assertEquals("JX20261125000001", c.trackingNumber());
        assertEquals("91360100158304019E", c.creditCode());
        assertEquals("电器", c.name());
        assertEquals(5, c.limit());
        assertNull(c.after());
    }

    @Test
    void namesEveryInvalidParameter() {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> SearchCriteria.parse("12345", "X1", "91360100158304019D", "<b>", "a", "not-a-cursor", "0"));
        List<String> fields =
                e.problem().violations().stream().map(Problem.Violation::field).toList();
        assertEquals(List.of("mobile", "trackingNumber", "creditCode", "name", "q", "after", "limit"), fields);
        assertEquals(400, e.problem().status());
    }

    @Test
    void aCursorSurvivesTheRoundTrip() {
        SearchCriteria.Cursor cursor =
                new SearchCriteria.Cursor(Instant.parse("2026-11-25T01:02:03.123456Z"), UUID.randomUUID());
        SearchCriteria c = SearchCriteria.parse(null, null, null, null, null, cursor.encode(), null);
        assertEquals(cursor, c.after());
        assertEquals(SearchCriteria.DEFAULT_LIMIT, c.limit());
    }

    @Test
    void likeWildcardsAreEscaped() {
        assertEquals("%50\\%\\_off\\\\%", ComplaintSearch.contains("50%_off\\"));
    }
}
