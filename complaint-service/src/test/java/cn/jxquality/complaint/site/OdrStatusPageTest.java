package cn.jxquality.complaint.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The status page of a complaint sent to an ODR enterprise first: whose turn it is and until when, the settlement the
 * enterprise reported, and the citizen's two buttons, which work with the query code only.
 */
@QuarkusTest
class OdrStatusPageTest {

    @Test
    void theCitizenReadsTheSettlementAndConfirmsItOnThePage() {
        Map<String, String> receipt = submit();
        String number = receipt.get("trackingNumber");
        Map<String, String> lookup = Map.of("trackingNumber", number, "queryCode", receipt.get("queryCode"));

        String waiting = Browser.chinese()
                .submit("/status", "/status", lookup)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(waiting, containsString("先由企业处理：南昌市东湖区某某电器商行"));
        assertThat(waiting, containsString("10 个工作日内与您协商和解"));
        assertThat(waiting, not(containsString("action=\"/status/settlement\"")));
        assertThat(waiting, containsString("处理企业"));
        assertThat(waiting, not(containsString("正在确定"))); // no department is being chosen: the enterprise has it

        settle(number, "退货退款 2599 元 & 三日内到账");
        String settled = Browser.english()
                .submit("/status", "/status", lookup)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(settled, containsString("What the enterprise reports was agreed"));
        assertThat(settled, containsString("退货退款 2599 元 &amp; 三日内到账"));
        assertThat(settled, containsString("action=\"/status/settlement\""));

        Map<String, String> wrong = Map.of("trackingNumber", number, "queryCode", "ABCDEFGHJKLM", "accept", "true");
        Browser.chinese().submit("/status", "/status/settlement", wrong).then().statusCode(404);

        Map<String, String> confirm = Map.of(
                "trackingNumber", number, "queryCode", receipt.get("queryCode"), "accept", "true", "comment", "已收到");
        String done = Browser.chinese()
                .submit("/status", "/status/settlement", confirm)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(done, containsString("您已确认和解，投诉已办结。"));
        assertThat(done, containsString("data-testid=\"status\">已结案"));
        assertThat(done, not(containsString("action=\"/status/settlement\"")));

        String again = Browser.chinese()
                .submit("/status", "/status/settlement", confirm)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(again, containsString("目前没有需要您答复的和解。"));
        // the page's language link points at where the answer was posted: it shows the look-up form
        Browser.english().get("/status/settlement?lang=en").then().statusCode(200);
    }

    @Test
    void aDisputeOnThePageSendsTheComplaintToTheRegulator() {
        Map<String, String> receipt = submit();
        String number = receipt.get("trackingNumber");
        settle(number, "换货");
        Map<String, String> dispute =
                Map.of("trackingNumber", number, "queryCode", receipt.get("queryCode"), "accept", "false");
        String done = Browser.english()
                .submit("/status", "/status/settlement", dispute)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(done, containsString("You disputed the settlement; the complaint goes to the market regulator."));
    }

    @Test
    void aCommentThePageCannotTakeIsShownBackWithWhatIsWrongAndNothingIsRecorded() {
        Map<String, String> receipt = submit();
        String number = receipt.get("trackingNumber");
        settle(number, "退货");
        String typed = "我不同意 <b>这个</b> 和解";
        Map<String, String> dispute = Map.of(
                "trackingNumber", number, "queryCode", receipt.get("queryCode"), "accept", "false", "comment", typed);
        String refused = Browser.chinese()
                .submit("/status", "/status/settlement", dispute)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(refused, containsString("id=\"comment-error\""));
        assertThat(refused, containsString("href=\"#comment\""));
        assertThat(refused, containsString(">我不同意 &lt;b&gt;这个&lt;/b&gt; 和解</textarea>"));
        // still awaiting the answer: the buttons are there and the complaint has not gone to the regulator
        assertThat(refused, containsString("action=\"/status/settlement\""));
        assertThat(refused, not(containsString("您已提出异议")));
        assertThat(refused, containsString("请只输入文字"));

        Map<String, String> tooLong = Map.of(
                "trackingNumber",
                number,
                "queryCode",
                receipt.get("queryCode"),
                "accept",
                "true",
                "comment",
                "好".repeat(1001));
        String tooLongPage = Browser.english()
                .submit("/status", "/status/settlement", tooLong)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(tooLongPage, containsString("1000"));
        assertThat(tooLongPage, containsString("action=\"/status/settlement\""));

        String done = Browser.chinese()
                .submit(
                        "/status",
                        "/status/settlement",
                        Map.of(
                                "trackingNumber",
                                number,
                                "queryCode",
                                receipt.get("queryCode"),
                                "accept",
                                "false",
                                "comment",
                                "我不同意这个和解"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(done, not(containsString("action=\"/status/settlement\"")));
    }

    private static Map<String, String> submit() {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Submissions.odrComplaint(Submissions.ODR_ENTERPRISE))
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private static void settle(String number, String agreement) {
        given().auth()
                .oauth2(Tokens.of("ent-demo"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "SETTLED", "agreement", agreement))
                .post("/api/v1/enterprise/complaints/" + number + "/response")
                .then()
                .statusCode(200)
                .body("state", equalTo("SETTLED"));
    }
}
