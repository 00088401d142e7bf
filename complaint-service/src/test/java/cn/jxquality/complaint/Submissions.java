package cn.jxquality.complaint;

import static io.restassured.RestAssured.given;

import cn.jxquality.complaint.intake.IdentityNumbers;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies for tests: a valid web complaint, to be varied one field at a time. */
public final class Submissions {

    private Submissions() {}

    public static Map<String, Object> webComplaint() {
        Map<String, Object> subject = new HashMap<>();
        subject.put("name", "南昌某某电器有限公司");
        subject.put("creditCode", "91360100158304019E");
        subject.put("address", "南昌市东湖区八一大道1号");
        subject.put("regionCode", "360102");
        Map<String, Object> person = new HashMap<>();
        person.put("name", "张三");
        person.put("mobile", "+86 138 0013 8000");
        person.put("idType", "RESIDENT_ID_CARD");
        person.put("idNumber", "36010219900101123X");
        person.put("email", "zhangsan@example.org");
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "COMPLAINT");
        body.put("channel", "WEB");
        body.put("category", "PRODUCT.HOUSEHOLD_APPLIANCE");
        body.put("subject", subject);
        body.put("occurredOn", "2026-11-20");
        body.put("productOrService", "电热水器");
        body.put("amountFen", 259900);
        body.put("description", "购买的电热水器三天后漏电，商家拒绝退货。");
        body.put("remedy", "RETURN");
        body.put("consents", Map.of("publish", false, "entrustedMediation", true));
        body.put("person", person);
        body.put("anonymous", false);
        body.put("rewardRequested", false);
        return body;
    }

    /** A web complaint by a person and about a business no other test uses, so no duplicate links it. */
    public static Map<String, Object> uniqueWebComplaint() {
        Map<String, Object> body = webComplaint();
        personOf(body).put("mobile", randomMobile());
        personOf(body).put("idNumber", randomIdNumber());
        subjectOf(body).put("name", "测试商户" + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        subjectOf(body).remove("creditCode");
        return body;
    }

    /** The ODR enterprise the demo realm's {@code ent-demo} answers for. */
    public static final String ODR_ENTERPRISE = "91360100158304019E";

    /** A web complaint sent to the registered ODR enterprise {@code creditCode} first, its contact shared. */
    public static Map<String, Object> odrComplaint(String creditCode) {
        Map<String, Object> body = uniqueWebComplaint();
        subjectOf(body).put("creditCode", creditCode);
        body.put("odr", Map.of("enterpriseFirst", true, "shareContact", true));
        return body;
    }

    /** An anonymous web report about a business no other test uses: no person, no remedy. */
    public static Map<String, Object> anonymousReport() {
        Map<String, Object> body = uniqueWebComplaint();
        body.put("kind", "REPORT");
        body.put("anonymous", true);
        body.remove("person");
        body.remove("remedy");
        return body;
    }

    /** Submits {@link #webComplaint()} as a citizen on the web; expects 201 and gives its tracking number. */
    public static String submitWebComplaint() {
        return given().contentType(ContentType.JSON)
                .body(webComplaint())
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("trackingNumber");
    }

    /** A resident ID number of Nanchang's Donghu District that passes GB 11643's checks, one of about 17 million. */
    public static String randomIdNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format(
                "360102%04d%02d%02d%03d", r.nextInt(1950, 2000), r.nextInt(1, 13), r.nextInt(1, 29), r.nextInt(1000));
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    public static String randomMobile() {
        return "139" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    /** A well-formed tracking number nobody was given (each call another, so the throttle never sees it twice). */
    public static String unknownTrackingNumber() {
        return "JX2099" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** A client address of its own, for the status-lookup throttle (tests run behind a "trusted proxy"). */
    public static String randomClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> subjectOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("subject");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> personOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("person");
    }
}
