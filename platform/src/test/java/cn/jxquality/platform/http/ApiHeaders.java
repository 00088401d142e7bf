package cn.jxquality.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The headers every API answer of every service carries (SECURITY.md, each service's {@code quarkus.http.filter.api}),
 * for the services' {@code ApiHeadersTest}s: give it how to read a header of the answer.
 */
public final class ApiHeaders {

    /** Never sniffed as another type, never cached (staff answers hold personal data), no referrer. */
    public static final Map<String, String> EXPECTED = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer");

    private ApiHeaders() {}

    /** @param header the answer's header by name, e.g. RestAssured's {@code extract()::header} */
    public static void assertHardened(String what, UnaryOperator<String> header) {
        EXPECTED.forEach((name, value) -> assertEquals(value, header.apply(name), what + ": " + name));
    }
}
