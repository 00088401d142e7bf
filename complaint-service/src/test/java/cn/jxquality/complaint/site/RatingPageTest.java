package cn.jxquality.complaint.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /rate}: the follow-up survey the SMS links to. */
@QuarkusTest
class RatingPageTest {

    @Inject
    Pool pool;

    @Test
    void aResolvedComplaintIsRatedOnceAndAnOpenOneIsNotYet() {
        Map<String, String> receipt = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.uniqueWebComplaint())
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("", String.class, String.class);
        String number = receipt.get("trackingNumber");
        Browser citizen = Browser.chinese();
        String page = "/rate?trackingNumber=" + number;
        assertThat(citizen.get(page).asString(), containsString("value=\"" + number + "\""));

        Map<String, String> rating = Map.of(
                "trackingNumber", number, "queryCode", receipt.get("queryCode"), "rating", "5", "comment", "很及时");
        Response early = citizen.submit(page, "/rate", rating);
        assertEquals(409, early.statusCode());
        assertThat(early.asString(), containsString("此件尚未办结"));

        Db.rows(pool, "update complaint set status = 'RESOLVED' where tracking_number = $1", number);
        Response missing =
                citizen.submit(page, "/rate", Map.of("trackingNumber", number, "queryCode", receipt.get("queryCode")));
        assertEquals(400, missing.statusCode());
        assertThat(missing.asString(), containsString("请填写此项"));

        Response rated = citizen.submit(page, "/rate", rating);
        assertEquals(201, rated.statusCode());
        assertThat(rated.asString(), containsString("感谢您的评价（5 分）"));
        assertEquals(
                5,
                Db.row(
                                pool,
                                "select rating from complaint_feedback f join complaint c on c.id = f.complaint_id"
                                        + " where c.tracking_number = $1",
                                number)
                        .getInteger("rating"));

        Response again = Browser.english().submit(page, "/rate", rating);
        assertEquals(409, again.statusCode());
        assertThat(again.asString(), containsString("You have already rated this one"));
    }
}
