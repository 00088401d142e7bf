package cn.jxquality.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Submissions;
import cn.jxquality.platform.http.ChunkedBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HostileInputTest {

    @Test
    void scriptInTheDescriptionIsRejectedNamingIt() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "漏电<script>alert(1)</script>");
        expect400(body, "description");
    }

    @Test
    void tagsAndScriptUrlsInOtherFreeTextAreRejected() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        Submissions.subjectOf(body).put("name", "<b>某某</b>");
        Submissions.subjectOf(body).put("onlinePlatform", "javascript:alert(1)");
        Submissions.personOf(body).put("address", "<img src=x>");
        expect400(body, "subject.name");
        expect400(body, "subject.onlinePlatform");
        expect400(body, "person.address");
    }

    @Test
    void controlCharactersAreRejected() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "漏电\u0000了");
        Submissions.personOf(body).put("name", "张\u0007三");
        Submissions.personOf(body).put("idNumber", "3601\u00001990");
        expect400(body, "description");
        expect400(body, "person.name");
        expect400(body, "person.idNumber");
    }

    @Test
    void lineBreaksAreFineInTheDescription() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "第一天：漏电。\n第二天：商家拒绝退货。");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(201);
    }

    @Test
    void aBodyOverOneMegabyteIsA413Problem() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("description", "漏".repeat(400_000)); // 1.2 MB in UTF-8
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    /**
     * A body without a declared length (chunked) is counted as it arrives and refused once past 1 MB: the answer comes
     * while the client is still sending, not after 50 MB were read (issue 17 item 3).
     */
    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws IOException {
        byte[] chunk = "漏".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        // the first refusal runs the refusing code for the first time (class loading, the interpreter): not measured
        ChunkedBody.sendUntilAnswered(RestAssured.port, "/api/v1/complaints", chunk, 50 << 20);
        ChunkedBody.Answer answer =
                ChunkedBody.sendUntilAnswered(RestAssured.port, "/api/v1/complaints", chunk, 50 << 20);
        assertThat(answer.statusLine(), startsWith("HTTP/1.1 413"));
        assertThat("refused after " + answer.sent() + " bytes", answer.sent(), lessThan(8L * 1024 * 1024));
    }

    /** A chunked body within the limit is taken like any other. */
    @Test
    void aChunkedBodyWithinTheLimitIsTaken() throws Exception {
        byte[] body = new ObjectMapper().writeValueAsBytes(Submissions.uniqueWebComplaint());
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/complaints"))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", Submissions.randomClient())
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
    }

    private static void expect400(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }
}
