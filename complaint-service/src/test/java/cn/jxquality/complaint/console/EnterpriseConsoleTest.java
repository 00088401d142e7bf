package cn.jxquality.complaint.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /console/enterprise}: the ODR enterprise reads the complaints sent to it, sees the contact the consumer shared
 * (a web mobile only once confirmed), and records its outcome once, in its own language.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class EnterpriseConsoleTest {

    @Test
    void theEnterpriseAnswersAComplaintFromTheConsole() {
        String number = submit(Submissions.ODR_ENTERPRISE);
        String other = submit("91360100MA350DR017");
        Browser enterprise = Browser.chinese().as("ent-demo");

        String list = enterprise
                .get("/console/enterprise")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list, containsString(number));
        assertThat(list, not(containsString(other)));
        assertThat(list, containsString("待企业答复"));
        enterprise.get("/console/enterprise/" + other).then().statusCode(404);
        enterprise.get("/console/enterprise?state=NOPE").then().statusCode(400);

        String page = enterprise
                .get("/console/enterprise/" + number)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page, containsString("购买的电热水器三天后漏电"));
        assertThat(page, containsString("张三"));
        assertThat(page, containsString("消费者尚未确认"));
        assertThat(page, containsString("记录协商结果"));
        assertThat(page, not(containsString("PRODUCT.HOUSEHOLD_APPLIANCE"))); // the category by its name
        assertThat(page, not(containsString(" 00:00<"))); // the last day to answer, not the midnight after it

        String missing = enterprise
                .submit("/console/enterprise/" + number, "/console/enterprise/" + number, Map.of("outcome", "SETTLED"))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(missing, containsString("aria-invalid=\"true\""));

        enterprise
                .submit(
                        "/console/enterprise/" + number,
                        "/console/enterprise/" + number,
                        Map.of("outcome", "SETTLED", "text", "退货退款 2599 元"))
                .then()
                .statusCode(303);
        String done = Browser.english()
                .as("ent-demo")
                .get("/console/enterprise/" + number + "?done=1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(done, containsString("The outcome is recorded."));
        assertThat(done, containsString("Settled, waiting for the consumer"));
        assertThat(done, containsString("退货退款 2599 元"));
        assertThat(done, not(containsString("Record the outcome</h2>")));

        String twice = enterprise
                .submit(
                        "/console/enterprise/" + number,
                        "/console/enterprise/" + number,
                        Map.of("outcome", "NOT_SETTLED", "text", "再议"))
                .then()
                .statusCode(409)
                .extract()
                .asString();
        assertThat(twice, containsString("already recorded"));

        // staff read the same history on the complaint's page
        String staff = Browser.chinese()
                .as("operator1")
                .get("/console/complaints/" + number)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(staff, containsString("企业先行和解（ODR）记录"));
        assertThat(staff, containsString("已和解: 退货退款 2599 元"));
    }

    private static String submit(String creditCode) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.odrComplaint(creditCode))
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }
}
