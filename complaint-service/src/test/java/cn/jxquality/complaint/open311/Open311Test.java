package cn.jxquality.complaint.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
import java.util.HashMap;
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
        Map<String, Object> created = given().contentType(ContentType.URLENC)
                .formParams(form)
                .post("/open311/v2/requests.json")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("", hasSize(1))
                .body("[0].service_request_id", org.hamcrest.Matchers.matchesPattern("^JX\\d{15}$"))
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
                .body("[0].description", nullValue());
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

    @Test
    void aClientReadsOnlyItsOwnRequests() {
        String id = given().contentType(ContentType.URLENC)
                .formParams(form(KEY))
                .post("/open311/v2/requests.json")
                .then()
                .statusCode(201)
                .extract()
                .path("[0].service_request_id");
        request(id, OTHER_KEY).statusCode(404).body("[0].code", equalTo(404));
        request(id, null).statusCode(403).body("[0].code", equalTo(403));
        given().queryParam("api_key", OTHER_KEY)
                .queryParam("service_request_id", id)
                .get("/open311/v2/requests.json")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
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
        String id = given().contentType(ContentType.URLENC)
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
        return given().contentType(ContentType.URLENC)
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
