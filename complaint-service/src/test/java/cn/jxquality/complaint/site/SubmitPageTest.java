package cn.jxquality.complaint.site;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.OtherServices;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /}: the citizen's form, its mistakes in the citizen's language, the receipt, and what never gets through. */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class SubmitPageTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    private static final Pattern QUERY_CODE = Pattern.compile("data-testid=\"query-code\">([A-Z0-9]{12})<");

    @Inject
    Pool pool;

    @Test
    void theFormIsInChineseFirstEnglishOnRequestAndRemembersTheChoice() {
        Browser browser = Browser.chinese();
        String chinese = browser.get("/").then().statusCode(200).extract().asString();
        assertThat(chinese, containsString("<html lang=\"zh-CN\">"));
        assertThat(chinese, containsString("投诉举报"));
        assertThat(chinese, containsString("统一社会信用代码"));

        String english =
                browser.get("/?lang=en").then().statusCode(200).extract().asString();
        assertThat(english, containsString("<html lang=\"en\">"));
        assertThat(english, containsString("Unified social credit code"));
        assertThat(english, not(containsString("统一社会信用代码")));
        assertEquals("en", browser.cookie("lang"));
        assertThat(browser.get("/status").asString(), containsString("Check progress"));

        assertThat(Browser.english().get("/").asString(), containsString("<html lang=\"en\">"));
    }

    @Test
    void pagesAllowNoInlineScriptNoFramingAndNoSniffing() {
        Response page = Browser.chinese().get("/");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy, containsString("script-src 'self'"));
        assertThat(policy, containsString("frame-ancestors 'none'"));
        assertThat(policy, not(containsString("unsafe-inline")));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertThat(page.header("Set-Cookie").toLowerCase(java.util.Locale.ROOT), containsString("httponly"));
        assertThat(page.asString(), not(containsString("<script>")));
        assertThat(page.asString(), not(containsString(" style=")));
    }

    @Test
    void aSubmissionLeadsToItsReceiptWhoseQueryCodeOpensTheStatus() {
        Browser browser = Browser.chinese();
        Response posted = browser.submitMultipart("/", "/", form(), Map.of("receipt.jpg", JPEG));
        assertEquals(303, posted.statusCode(), posted.asString());
        String location = posted.header("Location");
        assertThat(location, containsString("/receipt/JX"));
        String trackingNumber = location.substring(location.lastIndexOf('/') + 1);

        String receipt = browser.get("/receipt/" + trackingNumber)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(receipt, containsString(trackingNumber));
        assertThat(receipt, containsString("只在此页面显示一次"));
        assertThat(receipt, containsString("已附上 1 个证据文件"));
        assertThat(receipt, containsString("<svg class=\"qr\""));
        Matcher code = QUERY_CODE.matcher(receipt);
        assertEquals(true, code.find(), receipt);

        String status = browser.submit(
                        "/status", "/status", Map.of("trackingNumber", trackingNumber, "queryCode", code.group(1)))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(status, containsString("已登记"));
        assertThat(status, containsString("7 个工作日内"));

        String elsewhere = Browser.chinese().get("/receipt/" + trackingNumber).asString();
        assertThat(elsewhere, containsString("回执已不再显示"));
        assertThat(elsewhere, not(containsString(code.group(1))));
    }

    @Test
    void mistakesComeBackNextToTheirFieldsInTheReadersLanguageAndNothingIsRegistered() {
        Map<String, String> form = form();
        form.put("description", "");
        form.put("mobile", "12345");
        form.put("creditCode", "91360100158304019X");
        form.put("regionCode", "110101");
        form.put("amountYuan", "12.345");
        String name = form.get("subjectName");

        Response chinese = Browser.chinese().submitMultipart("/", "/", form, Map.of());
        assertEquals(400, chinese.statusCode());
        String zh = chinese.asString();
        assertThat(zh, containsString("请修改以下内容"));
        assertThat(zh, containsString("请填写此项"));
        assertThat(zh, containsString("请输入有效的中国大陆手机号码"));
        assertThat(zh, containsString("统一社会信用代码不正确"));
        assertThat(zh, containsString("请选择江西省内的地区"));
        assertThat(zh, containsString("最多两位小数"));
        assertThat(zh, containsString("aria-invalid=\"true\""));
        assertThat(zh, containsString("value=\"" + name + "\""));

        String en = Browser.english().submitMultipart("/", "/", form, Map.of()).asString();
        assertThat(en, containsString("Please correct the following"));
        assertThat(en, containsString("Enter a valid mainland China mobile number"));
        assertThat(en, not(containsString("请填写此项")));

        assertEquals(0L, registered(name));
    }

    @Test
    void aFileThatIsNoPictureIsNamedAndNothingIsRegistered() {
        Map<String, String> form = form();
        Response response =
                Browser.chinese().submitMultipart("/", "/", form, Map.of("invoice.exe", "MZ not a picture".getBytes()));
        assertEquals(400, response.statusCode());
        assertThat(response.asString(), containsString("证据只接受图片、PDF、音频或视频文件"));
        assertEquals(0L, registered(form.get("subjectName")));
    }

    @Test
    void sendingItToAnEnterpriseOutsideTheOdrRegisterIsExplainedAtTheBox() {
        Map<String, String> form = form();
        form.put("creditCode", "91360400MA350DR040");
        form.put("enterpriseFirst", "on");
        Response refused = Browser.chinese().submitMultipart("/", "/", form, Map.of());
        assertEquals(400, refused.statusCode());
        assertThat(refused.asString(), containsString("该企业未加入 ODR 在线纠纷解决"));
        assertThat(refused.asString(), containsString("id=\"enterpriseFirst-error\""));
        assertEquals(0L, registered(form.get("subjectName")));

        form.put("creditCode", "91360100158304019E");
        form.put("shareContact", "on");
        Response sent = Browser.english().submitMultipart("/", "/", form, Map.of());
        assertEquals(303, sent.statusCode(), sent.asString());
        assertEquals(1L, registered(form.get("subjectName")));
    }

    @Test
    void markupInTheDescriptionIsRefusedPlainly() {
        Map<String, String> form = form();
        form.put("description", "<script>alert('x')</script>");
        Response response = Browser.chinese().submitMultipart("/", "/", form, Map.of());
        assertEquals(400, response.statusCode());
        assertThat(response.asString(), containsString("请只输入文字，不要包含 HTML"));
        assertThat(response.asString(), not(containsString("<script>alert")));
        assertThat(response.asString(), containsString("&lt;script&gt;"));
    }

    @Test
    void theSameFormSentTwiceRegistersOnceWithItsEvidenceOnce() {
        Browser browser = Browser.chinese();
        Map<String, String> form = form();
        form.put("idempotencyKey", "page-" + ThreadLocalRandom.current().nextLong());
        Response first = browser.submitMultipart("/", "/", form, Map.of("a.jpg", JPEG));
        Response second = browser.submitMultipart("/", "/", form, Map.of("a.jpg", JPEG));
        assertEquals(303, first.statusCode());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(1L, registered(form.get("subjectName")));
        long files = Db.row(
                        pool,
                        "select count(*) as n from evidence_file e join complaint c on c.id = e.complaint_id"
                                + " where c.subject_name = $1",
                        form.get("subjectName"))
                .getLong("n");
        assertEquals(1L, files);
    }

    @Test
    void aFormWithoutItsTokenOrFromAnotherSiteChangesNothing() {
        Map<String, String> form = form();
        Browser browser = Browser.chinese();
        browser.get("/");
        Response noToken = browser.request()
                .multiPart("subjectName", form.get("subjectName"))
                .post("/");
        assertEquals(403, noToken.statusCode());
        assertThat(noToken.contentType(), containsString("text/html"));
        assertThat(noToken.asString(), containsString("表单已过期"));

        String token = Browser.tokenOf(browser.get("/").asString());
        var forged = Browser.text(browser.request().header("Origin", "https://evil.example"), "csrf", token);
        Browser.text(forged, "subjectName", form.get("subjectName"));
        Response refused = forged.post("/");
        assertEquals(403, refused.statusCode());
        assertEquals(0L, registered(form.get("subjectName")));
    }

    @Test
    void theCreditCodeIsCheckedAsItIsTyped() {
        assertThat(
                Browser.chinese()
                        .get("/fragments/credit-code?creditCode=91360100158304019E")
                        .asString(),
                containsString("代码有效"));
        assertThat(
                Browser.chinese()
                        .get("/fragments/credit-code?creditCode=91360100158304019X")
                        .asString(),
                containsString("校验位不正确"));
        assertThat(
                Browser.english().get("/fragments/credit-code?creditCode=9136").asString(),
                containsString("4 entered"));
        assertEquals(
                "", Browser.chinese().get("/fragments/credit-code?creditCode=").asString());
    }

    @Test
    void anUnknownPageAnswersABrowserInItsLanguageAndAnApiClientWithAProblem() {
        Response page = Browser.english().get("/no-such-page");
        assertEquals(404, page.statusCode());
        assertThat(page.contentType(), containsString("text/html"));
        assertThat(page.asString(), containsString("Page not found"));
        Response api = io.restassured.RestAssured.given().get("/api/v1/no-such-thing");
        assertEquals(404, api.statusCode());
        assertThat(api.contentType(), containsString("application/problem+json"));
        assertNull(api.header("Content-Security-Policy"));
        assertNotNull(page.header("Content-Security-Policy"));
    }

    /** A complete complaint form about a business no other test uses. */
    static Map<String, String> form() {
        Map<String, String> form = new HashMap<>();
        form.put("kind", "COMPLAINT");
        form.put("category", "PRODUCT.FOOD");
        form.put("subjectName", "页面测试超市" + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        form.put("creditCode", "91360100158304019E");
        form.put("regionCode", "360102");
        form.put("occurredOn", "2026-11-20");
        form.put("amountYuan", "35.50");
        form.put("description", "买到过期牛奶，商家拒绝退款。");
        form.put("remedy", "REFUND");
        form.put("consentMediation", "on");
        form.put("personName", "李四");
        form.put("mobile", Submissions.randomMobile());
        return form;
    }

    private long registered(String subjectName) {
        return Db.row(pool, "select count(*) as n from complaint where subject_name = $1", subjectName)
                .getLong("n");
    }
}
