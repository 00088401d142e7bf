package cn.jxquality.complaint.bearer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jxquality.complaint.Tokens;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A verified token is remembered with its own identity, and nothing but that very token is let in on it: a token
 * with another signature or another payload is verified afresh (and fails).
 */
@QuarkusTest
class RememberedTokenTest {

    @Inject
    VerifiedTokens verified;

    @Test
    void aTokenIsRememberedWithItsOwnIdentity() {
        String operator = Tokens.of("operator1");
        search(operator).then().statusCode(200);
        search(operator).then().statusCode(200);

        assertEquals("operator1", verified.find(operator).getPrincipal().getName());
        search(Tokens.of("dept-nc-amr")).then().statusCode(403);
        assertEquals("operator1", verified.find(operator).getPrincipal().getName());
    }

    @Test
    void aRememberedTokenIsAnsweredFromTheStoreWithoutVerification() {
        String token = "remembered-" + UUID.randomUUID();
        search(token).then().statusCode(401);

        verified.remember(
                token,
                QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("operator-from-store"))
                        .addRole("operator")
                        .build(),
                Instant.now().plusSeconds(30));
        search(token).then().statusCode(200);
    }

    @Test
    void aTamperedSignatureIsNotLetInOnTheRememberedToken() {
        String operator = Tokens.of("operator1");
        search(operator).then().statusCode(200);

        String[] parts = operator.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String forged = parts[0] + "." + parts[1] + "." + new String(signature);

        search(forged).then().statusCode(401);
        assertNull(verified.find(forged));
    }

    @Test
    void anotherUsersClaimsUnderTheRememberedSignatureAreRefused() {
        String operator = Tokens.of("operator1");
        String department = Tokens.of("dept-nc-amr");
        search(operator).then().statusCode(200);

        String[] signed = operator.split("\\.");
        String[] claims = department.split("\\.");
        String forged = claims[0] + "." + claims[1] + "." + signed[2];

        search(forged).then().statusCode(401);
        assertNull(verified.find(forged));
    }

    private static io.restassured.response.Response search(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("trackingNumber", "JX20990101000000")
                .get("/api/v1/complaints");
    }
}
