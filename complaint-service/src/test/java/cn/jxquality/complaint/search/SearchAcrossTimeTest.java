package cn.jxquality.complaint.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Substring search over complaints received across years: the newest-first keyset order holds whatever the age, ties
 * in time are broken by id, and paging returns each match exactly once.
 */
@QuarkusTest
class SearchAcrossTimeTest {

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void aMatchFromYearsAgoIsFound() {
        String marker = "旧案" + System.nanoTime();
        String old = submitAged(marker, 400);

        JsonPath page = search("q", marker, 20, null);
        assertEquals(List.of(old), page.getList("items.trackingNumber"));
        assertEquals(null, page.getString("next"));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void pagesAcrossMonthsAndYearsReturnEachMatchOnceNewestFirst() {
        String marker = "跨年" + System.nanoTime();
        // ages in days: two this week, two with the very same time (ties broken by id), then months and years back
        for (int days : new int[] {0, 1, 8, 8, 31, 200, 700}) {
            submitAged(marker, days);
        }
        List<String> expected = Db.rows(
                        pool,
                        "select tracking_number from complaint where description like $1"
                                + " order by received_at desc, id desc",
                        "%" + marker + "%")
                .stream()
                .map(row -> row.getString("tracking_number"))
                .toList();
        assertEquals(7, expected.size());

        for (int limit : new int[] {1, 2, 3, 20}) {
            assertEquals(expected, allPages("q", marker, limit), "pages of " + limit);
        }
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void nameSearchAcrossTimeHonoursTheOtherFilters() {
        String marker = "跨年商行" + System.nanoTime();
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        Submissions.subjectOf(body).put("name", marker);
        String recent = ComplaintSearchTest.submit(body);
        String older = ComplaintSearchTest.submit(body);
        age(older, 90);

        assertEquals(List.of(recent, older), allPages("name", marker, 1));
        assertEquals(List.of(recent, older), search("name", marker, 20, null).getList("items.trackingNumber"));
        given().queryParam("name", marker)
                .queryParam("trackingNumber", older)
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items.trackingNumber", equalTo(List.of(older)));
    }

    private List<String> allPages(String param, String value, int limit) {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = search(param, value, limit, after);
            List<String> items = page.getList("items.trackingNumber");
            assertTrue(items.size() <= limit);
            seen.addAll(items);
            after = page.getString("next");
        } while (after != null && seen.size() < 50);
        return seen;
    }

    private static JsonPath search(String param, String value, int limit, String after) {
        var request = given().queryParam(param, value).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String submitAged(String marker, int days) {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "电热水器漏电，" + marker + "，商家拒绝退货。");
        String trackingNumber = ComplaintSearchTest.submit(body);
        age(trackingNumber, days);
        return trackingNumber;
    }

    /** Moves the complaint's receipt to midnight {@code days} ago (the same instant for the same age). */
    private void age(String trackingNumber, int days) {
        Db.rows(
                pool,
                "update complaint set received_at = date_trunc('day', now()) - make_interval(days => $2)"
                        + " where tracking_number = $1 returning id",
                trackingNumber,
                days);
    }
}
