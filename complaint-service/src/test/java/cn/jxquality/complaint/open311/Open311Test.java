package cn.jxquality.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jxquality.complaint.Db;
import cn.jxquality.complaint.Submissions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class Open311Test {

    static final String KEY = "test-open311-key-0123456789";
    static final String OTHER_KEY = "other-open311-key-9876543210";

    @Inject
    Pool pool;

    @Test
    void servicesAreTheSecondLevelCategoriesWithTheirAttributes() {
        given().get("/open311/v2/services.json")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("service_code", hasItems("PRODUCT.FOOD", "PRODUCT.HOUSEHOLD_APPLIANCE"))
                .body("service_code", not(hasItem("PRODUCT")))
                .body("find { it.service_code == 'PRODUCT.FOOD' }.metadata", equalTo(true))
                .body("find { it.service_code == 'PRODUCT.FOOD' }.type", equalTo("realtime"));
        given().get("/open311/v2/services/PRODUCT.FOOD.json")
                .then()
                .statusCode(200)
                .body("service_code", equalTo("PRODUCT.FOOD"))
                .body("attributes.code", hasItems("kind", "subject_name", "region_code", "remedy"))
                .body("attributes.find { it.code == 'subject_name' }.required", equalTo(true))
                .body("attributes.find { it.code == 'kind' }.values.key", hasItems("COMPLAINT", "REPORT"));
        given().get("/open311/v2/services/PRODUCT.UNICORNS.json")
                .then()
                .statusCode(404)
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("PRODUCT.UNICORNS"));
    }

    @Test
    void aPostedRequestEntersTheSameIntakeAndStatus() {
        Map<String, String> form = form(KEY);
        Map<String, Object> created = given().contentType(FORM)
                .formParams(form)
                .post("/open311/v2/requests.json")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("", hasSize(1))
                .body("[0].service_request_id", org.hamcrest.Matchers.matchesPattern("^JX\\d{15}$"))
                .body("[0]", not(hasKey("account_id")))
                .extract()
                .path("[0]");
        String id = (String) created.get("service_request_id");
        String queryCode = (String) created.get("query_code");

        Row row = Db.row(pool, "select * from complaint where tracking_number = $1", id);
        assertEquals("OPEN311", row.getString("channel"));
        assertEquals("open311:test-app", row.getString("submitted_by"));
        assertEquals("360102", row.getString("subject_region_code"), "lat/long at Donghu's seat → Donghu District");
        assertEquals("PRODUCT.HOUSEHOLD_APPLIANCE", row.getString("category"));
        String raw = new String(row.getBuffer("person_ciphertext").getBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(form.get("phone")), "the phone is sealed like any other");

        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Submissions.randomClient())
                .body(Map.of("trackingNumber", id, "queryCode", queryCode))
                .post("/api/v1/status-lookups")
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"));

        request(id, KEY)
                .statusCode(200)
                .body("[0].service_request_id", equalTo(id))
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("PRODUCT.HOUSEHOLD_APPLIANCE"))
                .body("[0].requested_datetime", org.hamcrest.Matchers.notNullValue())
                .body("[0].description", equalTo(form.get("description")));
        Db.rows(pool, "update complaint set status = 'RESOLVED' where tracking_number = $1", id);
        request(id, KEY).statusCode(200).body("[0].status", equalTo("closed"));
        given().queryParam("api_key", KEY)
                .queryParam("service_request_id", id + ",JX20990101000000")
                .queryParam("status", "closed")
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("service_request_id", equalTo(java.util.List.of(id)));
    }

    /**
     * GeoReport v2's reads are public (FixMyStreet's status sync sends no key), but a tracking number alone must not
     * reveal a complaint (DESIGN §3): without the posting client's key a request is shown only when its citizen
     * consented to publish it, and then without the person; the posting client sees its own in full.
     */
    @Test
    void requestsAreReadWithoutAKeyOnlyWhenTheirCitizenConsentedToPublish() {
        Map<String, String> kept = form(KEY);
        String hidden = post(kept).statusCode(201).extract().path("[0].service_request_id");
        Map<String, String> open = form(KEY);
        open.put("attribute[consent_publish]", "true");
        String published = post(open).statusCode(201).extract().path("[0].service_request_id");

        for (String stranger : new String[] {null, OTHER_KEY}) {
            request(hidden, stranger).statusCode(404).body("[0].code", equalTo(404));
            request(published, stranger)
                    .statusCode(200)
                    .body("[0].service_request_id", equalTo(published))
                    .body("[0].status", equalTo("open"))
                    .body("[0].description", equalTo(open.get("description")))
                    .body("[0].address", equalTo(open.get("address_string")))
                    .body("[0].lat", equalTo(28.68f))
                    .body("[0].long", equalTo(115.89f))
                    .body("[0]", not(hasKey("first_name")))
                    .body("[0]", not(hasKey("phone")))
                    .body("[0]", not(hasKey("email")));
        }
        request(hidden, KEY)
                .statusCode(200)
                .body("[0].description", equalTo(kept.get("description")))
                .body("[0].address", equalTo(kept.get("address_string")))
                .body("[0].lat", notNullValue())
                .body("[0].long", notNullValue());

        // a list without a key: the published requests of the period, never the others
        given().queryParam("start_date", OffsetDateTime.now().minusMinutes(5).toString())
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("service_request_id", hasItem(published))
                .body("service_request_id", not(hasItem(hidden)));
        given().queryParam("service_request_id", hidden + "," + published)
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("service_request_id", equalTo(List.of(published)));
        given().queryParam("api_key", OTHER_KEY)
                .queryParam("service_request_id", hidden)
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        request(published, "not-a-key").statusCode(403).body("[0].code", equalTo(403));
    }

    /** Anyone may list: a list without a key holds at most a hundred, a client's up to a thousand. */
    @Test
    void aPublicListIsShort() {
        String since = OffsetDateTime.now().minusSeconds(5).toString();
        for (int i = 0; i <= Open311Service.MAX_PUBLIC_REQUESTS; i++) {
            Map<String, String> open = form(KEY);
            open.put("attribute[consent_publish]", "true");
            post(open).statusCode(201);
        }
        given().queryParam("start_date", since)
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("", hasSize(Open311Service.MAX_PUBLIC_REQUESTS));
        given().queryParam("start_date", since)
                .queryParam("api_key", KEY)
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(Open311Service.MAX_PUBLIC_REQUESTS));
    }

    /** Strict clients read whole seconds with an offset, as the specification's examples are written. */
    @Test
    void dateTimesAreWholeSecondsWithAnOffset() {
        String id = post(form(KEY)).statusCode(201).extract().path("[0].service_request_id");
        request(id, KEY)
                .statusCode(200)
                .body("[0].requested_datetime", matchesPattern(WHOLE_SECONDS))
                .body("[0].updated_datetime", matchesPattern(WHOLE_SECONDS));
        given().queryParam("api_key", KEY)
                .get("/open311/v2/requests/" + id + ".xml")
                .then()
                .statusCode(200)
                .body("service_requests.request.requested_datetime", matchesPattern(WHOLE_SECONDS));
    }

    /** A list attribute's choices; no {@code "values": null} for the others, which GeoReport v2's schema rejects. */
    @Test
    void onlyListAttributesCarryValues() {
        given().get("/open311/v2/services/PRODUCT.FOOD.json")
                .then()
                .statusCode(200)
                .body("attributes.find { it.code == 'subject_name' }", not(hasKey("values")))
                .body("attributes.find { it.code == 'remedy' }.values.key", hasItem("RETURN"))
                .body("attributes.find { it.code == 'kind' }.description", containsString("attribute[anonymous]=true"))
                .body("attributes.find { it.code == 'consent_publish' }.values.key", hasItems("true", "false"));
        String xml = given().get("/open311/v2/services/PRODUCT.FOOD.xml").asString();
        assertFalse(xml.contains("<values/>") || xml.contains("<values></values>"), xml);
    }

    /** A GeoReport client sends what it has; an e-mail only is a clear 400 naming phone, with the way out. */
    @Test
    void anOpen311ClientMaySendAComplaintToAnOdrEnterpriseFirst() {
        Map<String, String> form = form(KEY);
        form.put("attribute[subject_credit_code]", "91360400MA350DR040"); // valid, but not in the register
        form.put("attribute[enterprise_first]", "true");
        post(form)
                .statusCode(400)
                .body("code", everyItemIs(400))
                .body(
                        "description",
                        hasItem(allOf(containsString("attribute[enterprise_first]"), containsString("ODR register"))));

        form.put("attribute[subject_credit_code]", Submissions.ODR_ENTERPRISE);
        form.put("attribute[share_contact]", "true");
        String id = post(form).statusCode(201).extract().path("[0].service_request_id");
        assertEquals(
                "WITH_ENTERPRISE",
                cn.jxquality.complaint.Db.row(
                                pool,
                                "select r.state from odr_referral r join complaint c on c.id = r.complaint_id"
                                        + " where c.tracking_number = $1",
                                id)
                        .getString("state"));
        given().get("/open311/v2/services/PRODUCT.FOOD.json")
                .then()
                .statusCode(200)
                .body("attributes.find { it.code == 'enterprise_first' }.values.key", hasItems("true", "false"));
    }

    @Test
    void aComplaintWithAnEmailOnlyIsTold() {
        Map<String, String> form = form(KEY);
        form.remove("phone");
        post(form)
                .statusCode(400)
                .body("code", everyItemIs(400))
                .body("description", hasItem(allOf(containsString("phone"), containsString("REPORT"))));
        form.put("attribute[kind]", "REPORT");
        form.put("attribute[anonymous]", "true");
        form.remove("email");
        form.remove("first_name");
        form.remove("last_name");
        form.remove("attribute[remedy]"); // a complaint's
        post(form).statusCode(201);
    }

    /** Every answer under /open311/ is the specification's error list, for paths and methods it does not know. */
    @Test
    void unknownPathsAndMethodsAnswerTheErrorList() {
        given().get("/open311/v2/tokens/abc123.json")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("[0].code", equalTo(404));
        given().get("/open311/v2/servicerequestupdates.xml")
                .then()
                .statusCode(404)
                .contentType(ContentType.XML)
                .body("errors.error.code", equalTo("404"));
        given().get("/open311/v3/services.json").then().statusCode(404).body("[0].code", equalTo(404));
        given().delete("/open311/v2/requests.json")
                .then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("[0].code", equalTo(405));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/open311/v2/requests.json")
                .then()
                .statusCode(415)
                .body("[0].code", equalTo(415));
    }

    /**
     * A description up to intake's 5,000 characters is taken (a form field's default limit is 2 KB); past it, a 400
     * naming the field; a body past the limit a 413; all in the specification's error list, never a 500.
     */
    @Test
    void longFieldsAreTakenOrRefusedInTheErrorList() {
        Map<String, String> form = form(KEY);
        form.put("description", "热水器漏电，商家拒绝退货。".repeat(250) + UUID.randomUUID());
        post(form).statusCode(201);

        form = form(KEY);
        form.put("description", "漏".repeat(5001));
        post(form).statusCode(400).body("description", hasItem(containsString("description")));

        form = form(KEY);
        form.put("attribute[online_platform]", "x".repeat(12_000));
        post(form)
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("description", hasItem(containsString("attribute[online_platform]")));

        form = form(KEY);
        form.put("description", "x".repeat(100_000)); // within the body's limit
        post(form)
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("description", hasItem(containsString("description")));

        form = form(KEY);
        form.put("description", "x".repeat(1_200_000));
        post(form).statusCode(413).contentType(ContentType.JSON).body("[0].code", equalTo(413));
        post(form, "xml").statusCode(413).contentType(ContentType.XML).body("errors.error.code", equalTo("413"));
    }

    /** Chinese names in Chinese order without a space; Latin ones as their owners write them, with a space. */
    @Test
    void namesAreJoinedAsTheyAreWritten() {
        assertEquals("张三", Open311Service.OpenRequests.fullName("三", "张"));
        assertEquals("欧阳娜娜", Open311Service.OpenRequests.fullName("娜娜", "欧阳"));
        assertEquals("John Smith", Open311Service.OpenRequests.fullName("John", "Smith"));
        assertEquals("Smith", Open311Service.OpenRequests.fullName(null, "Smith"));
        assertEquals("", Open311Service.OpenRequests.fullName(" ", null));
    }

    /** A year PostgreSQL's timestamps cannot hold is the client's mistake: 400 naming the filter, never a 500. */
    @Test
    void dateFiltersBeyondTheStorableYearsAreBadRequests() {
        for (String far : new String[] {"+1000000-01-01T00:00:00+08:00", "1899-12-31T23:59:59+08:00"}) {
            given().queryParam("api_key", KEY)
                    .queryParam("start_date", far)
                    .get("/open311/v2/requests.json")
                    .then()
                    .statusCode(400)
                    .body("[0].description", containsString("start_date"));
        }
    }

    @Test
    void badRequestsAnswerTheSpecificationsErrorListAndStoreNothing() {
        Map<String, String> form = form(null);
        post(form).statusCode(403).body("[0].description", containsString("api_key"));
        form.put("api_key", "wrong");
        post(form).statusCode(403);

        form = form(KEY);
        form.remove("description");
        form.remove("attribute[subject_name]");
        post(form)
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("code", everyItemIs(400))
                .body("description", hasItem(containsString("description")))
                .body("description", hasItem(containsString("attribute[subject_name]")));
        form = form(KEY);
        form.remove("phone");
        post(form).statusCode(400).body("description", hasItem(containsString("phone"))); // complaints need one

        form = form(KEY);
        form.put("lat", "39.9");
        form.put("long", "116.4"); // Beijing
        post(form).statusCode(400).body("description", hasItem(containsString("outside Jiangxi")));

        form = form(KEY);
        form.put("attribute[kind]", "GRIEVANCE");
        form.put("service_code", "PRODUCT.UNICORNS");
        post(form).statusCode(400).body("description", hasItem(containsString("attribute[kind]")));
        form.put("attribute[kind]", "COMPLAINT");
        post(form).statusCode(400).body("description", hasItem(containsString("service_code")));

        form = form(KEY);
        form.put("description", "<script>alert(1)</script>");
        post(form).statusCode(400).body("description", hasItem(containsString("description")));
        assertEquals(
                0,
                Db.row(
                                pool,
                                "select count(*) as n from complaint where subject_name = $1",
                                form.get("attribute[subject_name]"))
                        .getLong("n"));
    }

    @Test
    void everyDocumentComesInXmlToo() {
        given().get("/open311/v2/services.xml")
                .then()
                .statusCode(200)
                .contentType(ContentType.XML)
                .body("services.service.service_code", hasItem("PRODUCT.FOOD"));
        given().get("/open311/v2/services/PRODUCT.FOOD.xml")
                .then()
                .statusCode(200)
                .body("service_definition.service_code", equalTo("PRODUCT.FOOD"))
                .body("service_definition.attributes.attribute.code", hasItem("subject_name"));
        String id = given().contentType(FORM)
                .formParams(form(KEY))
                .post("/open311/v2/requests.xml")
                .then()
                .statusCode(201)
                .contentType(ContentType.XML)
                .extract()
                .path("service_requests.request.service_request_id");
        given().queryParam("api_key", KEY)
                .get("/open311/v2/requests/" + id + ".xml")
                .then()
                .statusCode(200)
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.service_code", equalTo("PRODUCT.HOUSEHOLD_APPLIANCE"));
        post(form(null), "xml").statusCode(403).contentType(ContentType.XML).body("errors.error.code", equalTo("403"));
    }

    @Test
    void discoveryNamesTheEndpointSpecificationAndFormats() {
        given().get("/open311/discovery.json")
                .then()
                .statusCode(200)
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", containsString("/open311/v2"))
                .body("endpoints[0].formats", hasItems("application/json", "text/xml"));
        given().get("/open311/discovery.xml")
                .then()
                .statusCode(200)
                .contentType(ContentType.XML)
                .body("discovery.endpoints.endpoint.formats.format", hasItem("text/xml"));
    }

    @Test
    void theJsonApiDoesNotTakeChannelOpen311() {
        Map<String, Object> body = Submissions.uniqueWebComplaint();
        body.put("channel", "OPEN311");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("channel"));
    }

    /** A form in UTF-8, as GeoReport clients send it (REST Assured's default for forms is ISO-8859-1). */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static final String WHOLE_SECONDS = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00$";

    private static org.hamcrest.Matcher<Iterable<? extends Integer>> everyItemIs(int code) {
        return org.hamcrest.Matchers.everyItem(equalTo(code));
    }

    static Map<String, String> form(String apiKey) {
        Map<String, String> form = new HashMap<>();
        if (apiKey != null) {
            form.put("api_key", apiKey);
        }
        form.put("service_code", "PRODUCT.HOUSEHOLD_APPLIANCE");
        form.put("lat", "28.68");
        form.put("long", "115.89");
        form.put("address_string", "南昌市东湖区八一大道1号");
        form.put("first_name", "三");
        form.put("last_name", "张");
        form.put("phone", Submissions.randomMobile());
        form.put("email", "zhangsan@example.org");
        form.put("description", "热水器漏电，商家拒绝退货。" + UUID.randomUUID());
        form.put("attribute[subject_name]", "开放商户" + UUID.randomUUID());
        form.put("attribute[remedy]", "RETURN");
        return form;
    }

    private static ValidatableResponse post(Map<String, String> form) {
        return post(form, "json");
    }

    private static ValidatableResponse post(Map<String, String> form, String format) {
        return given().contentType(FORM)
                .formParams(form)
                .post("/open311/v2/requests." + format)
                .then();
    }

    private static ValidatableResponse request(String id, String apiKey) {
        var request = given();
        if (apiKey != null) {
            request = request.queryParam("api_key", apiKey);
        }
        return request.get("/open311/v2/requests/" + id + ".json").then();
    }
}
