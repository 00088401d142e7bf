package cn.jxquality.complaint.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.Submissions;
import cn.jxquality.complaint.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mobile or e-mail typed into the web form could be anyone's (issue 17, item 5): its contact says it is not
 * confirmed and carries the codes the receipt is to carry, until its owner confirms with one; then it is confirmed
 * (notify-service sends everything). A contact an operator registered needs no confirmation.
 */
@QuarkusTest
class ContactConfirmationTest {

    @Test
    void aWebContactIsUnconfirmedUntilItsOwnerConfirmsEachAddress() {
        Map<String, String> receipt = submit(Submissions.uniqueWebComplaint(), null);
        String number = receipt.get("trackingNumber");
        String id = idOf(number);

        String smsCode = contact(id)
                .body("mobileConfirmed", equalTo(false))
                .body("emailConfirmed", equalTo(false))
                .body("mobileConfirmationCode", matchesPattern("[2-9A-HJ-NP-Z]{8}"))
                .extract()
                .path("mobileConfirmationCode");
        String emailCode = contact(id).extract().path("emailConfirmationCode");
        assertThat(emailCode, not(equalTo(smsCode)));

        confirm(number, "SMS", emailCode).statusCode(404); // one address's code does not confirm the other
        confirm(number, "SMS", smsCode.toLowerCase()).statusCode(204);
        confirm(number, "SMS", smsCode).statusCode(204); // confirming twice is confirming

        contact(id)
                .body("mobileConfirmed", equalTo(true))
                .body("mobileConfirmationCode", nullValue())
                .body("emailConfirmed", equalTo(false))
                .body("emailConfirmationCode", equalTo(emailCode));
    }

    @Test
    void aWrongCodeAnUnknownNumberAndAHotlineContactAnswerTheSame404() {
        Map<String, String> web = submit(Submissions.uniqueWebComplaint(), null);
        Map<String, Object> call = Submissions.uniqueWebComplaint();
        call.put("channel", "HOTLINE_12365");
        Map<String, String> hotline = submit(call, Tokens.of("operator1"));

        confirm(web.get("trackingNumber"), "SMS", "WRONGCDE").statusCode(404).contentType("application/problem+json");
        confirm(Submissions.unknownTrackingNumber(), "SMS", "WRONGCDE").statusCode(404);
        confirm(hotline.get("trackingNumber"), "SMS", "WRONGCDE").statusCode(404);
        contact(idOf(hotline.get("trackingNumber")))
                .body("mobileConfirmed", equalTo(true))
                .body("mobileConfirmationCode", nullValue());
        confirm(web.get("trackingNumber"), "FAX", "WRONGCDE")
                .statusCode(400)
                .body("violations[0].field", equalTo("medium"));
    }

    @Test
    void theLinkShowsTheFormAndOnlyTheButtonConfirms() {
        Map<String, String> receipt = submit(Submissions.uniqueWebComplaint(), null);
        String number = receipt.get("trackingNumber");
        String id = idOf(number);
        String code = contact(id).extract().path("mobileConfirmationCode");
        String link = "/confirm-contact?medium=SMS&trackingNumber=" + number + "&code=" + code;
        Browser citizen = Browser.chinese();

        String form = citizen.get(link).asString();
        assertThat(form, containsString("value=\"" + code + "\""));
        contact(id).body("mobileConfirmed", equalTo(false)); // opening the link changed nothing
        Response wrong = citizen.submit(
                link, "/confirm-contact", Map.of("trackingNumber", number, "code", "WRONGCDE", "medium", "SMS"));
        assertEquals(404, wrong.statusCode());
        assertThat(wrong.asString(), containsString("不匹配"));
        Response done = citizen.submit(
                link, "/confirm-contact", Map.of("trackingNumber", number, "code", code, "medium", "SMS"));
        assertEquals(200, done.statusCode());
        assertThat(done.asString(), containsString("已确认"));
        contact(id).body("mobileConfirmed", equalTo(true));

        Response english = Browser.english()
                .submit(link, "/confirm-contact", Map.of("trackingNumber", "", "code", "", "medium", "EMAIL"));
        assertEquals(400, english.statusCode());
        assertThat(english.asString(), containsString("e-mail address"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> submit(Map<String, Object> body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    private static String idOf(String trackingNumber) {
        return given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .queryParam("reason", "contact confirmation test")
                .get("/api/v1/complaints/" + trackingNumber)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static ValidatableResponse contact(String id) {
        return given().auth()
                .oauth2(Tokens.of(Tokens.NOTIFY_SERVICE))
                .get("/internal/v1/complaints/" + id + "/contact")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse confirm(String trackingNumber, String medium, String code) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("medium", medium, "code", code))
                .post("/api/v1/complaints/" + trackingNumber + "/contact-confirmations")
                .then();
    }
}
