package cn.jxquality.complaint.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.jxquality.complaint.Submissions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * Throws thousands of generated hostile bodies at the running intake endpoint: whatever comes in, the answer
 * is never a 5xx, and every 4xx is a problem document. jqwik generates; the Quarkus test drives.
 */
@QuarkusTest
class HostileBodiesTest {

    /** 2000 by default; {@code -Dhostile.tries=50000} for a longer hunt. */
    static final int TRIES = Integer.getInteger("hostile.tries", 2000);

    static final List<String> PATHS = List.of(
            "kind",
            "channel",
            "category",
            "subject",
            "subject.name",
            "subject.creditCode",
            "subject.address",
            "subject.regionCode",
            "subject.onlinePlatform",
            "occurredOn",
            "productOrService",
            "amountFen",
            "description",
            "remedy",
            "consents",
            "consents.publish",
            "person",
            "person.name",
            "person.mobile",
            "person.idType",
            "person.idNumber",
            "person.email",
            "person.address",
            "anonymous",
            "rewardRequested");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noHostileBodyCausesAServerError() {
        List<String> bodies = bodies().sampleStream().limit(TRIES).toList();
        int rejected = 0;
        for (String body : bodies) {
            Response response =
                    given().contentType(ContentType.JSON).body(body).when().post("/api/v1/complaints");
            int status = response.statusCode();
            if (status >= 500) {
                fail("status " + status + " for body: " + abbreviate(body) + "\nanswer: " + response.asString());
            }
            if (status >= 400) {
                rejected++;
                String type = response.contentType();
                assertTrue(
                        type != null && type.startsWith("application/problem+json"),
                        "a " + status + " answered " + type + " for body: " + abbreviate(body));
            }
        }
        assertTrue(rejected > TRIES / 2, "most generated bodies are hostile; only " + rejected + " were rejected");
    }

    Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mutatedSubmissions()),
                net.jqwik.api.Tuple.of(2, anyJson().map(this::write)),
                net.jqwik.api.Tuple.of(1, garbage()),
                net.jqwik.api.Tuple.of(1, truncatedSubmissions()));
    }

    /** A valid submission with one to three fields replaced by something hostile. */
    Arbitrary<String> mutatedSubmissions() {
        Arbitrary<Map.Entry<String, Object>> mutation =
                Combinators.combine(Arbitraries.of(PATHS), hostileValue()).as(HostileBodiesTest::entry);
        return mutation.list().ofMinSize(1).ofMaxSize(3).map(mutations -> {
            Map<String, Object> body = Submissions.uniqueWebComplaint();
            mutations.forEach(m -> put(body, m.getKey(), m.getValue()));
            return write(body);
        });
    }

    Arbitrary<String> truncatedSubmissions() {
        String valid = write(Submissions.uniqueWebComplaint());
        return Arbitraries.integers().between(0, valid.length() - 1).map(n -> valid.substring(0, n));
    }

    Arbitrary<Object> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.strings()
                        .withChars('x', '<', '漏')
                        .ofMinLength(5001)
                        .ofMaxLength(20_000)
                        .map(s -> s),
                Arbitraries.of(
                        "<script>alert(1)</script>",
                        "javascript:alert(1)",
                        "<img src=x onerror=alert(1)>",
                        "\u0000",
                        "a\u0000b",
                        "\uD800",
                        "\u202Egnp.exe",
                        "'; drop table complaint; --",
                        "%00",
                        "${jndi:ldap://x}",
                        "CARRIER_PIGEON",
                        "PRODUCT.UNICORNS",
                        "369999",
                        "99999",
                        "2999-01-01",
                        "2026-13-45",
                        "-1",
                        "1e309",
                        "NaN"),
                Arbitraries.strings()
                        .withChars("0123456789ABCDEFGHJKLMNPQRTUWXYZIOSVabc")
                        .ofLength(18)
                        .map(s -> s),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15).map(s -> s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigDecimals().map(d -> (Object) d),
                Arbitraries.of(new BigDecimal("1e400"), Long.MIN_VALUE, Double.MAX_VALUE, true, false),
                Arbitraries.just(null),
                anyJson());
    }

    /** Random JSON: scalars, arrays and objects nested a few levels. */
    Arbitrary<Object> anyJson() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                () -> Arbitraries.integers().map(i -> (Object) i),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> anyJson().list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
                () -> Combinators.combine(
                                Arbitraries.of(PATHS).map(p -> p.contains(".") ? p.substring(p.indexOf('.') + 1) : p),
                                anyJson())
                        .as(HostileBodiesTest::entry)
                        .list()
                        .ofMaxSize(4)
                        .map(entries -> {
                            Map<String, Object> map = new LinkedHashMap<>();
                            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                            return (Object) map;
                        }));
    }

    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(500),
                Arbitraries.of(
                        "",
                        "null",
                        "[]",
                        "\"text\"",
                        "42",
                        "{",
                        "{\"kind\":}",
                        "[".repeat(5000),
                        "{\"a\":".repeat(3000)));
    }

    /** An entry that, unlike {@code Map.entry}, may hold null: JSON null is hostile input too. */
    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            body.put(path, value);
            return;
        }
        Object parent = body.get(parts[0]);
        Map<String, Object> nested =
                parent instanceof Map ? new HashMap<>((Map<String, Object>) parent) : new HashMap<>();
        nested.put(parts[1], value);
        body.put(parts[0], nested);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2400
                ? body.substring(0, 1200) + " …(" + body.length() + " chars)… " + body.substring(body.length() - 1200)
                : body;
    }
}
