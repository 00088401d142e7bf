package cn.jxquality.notify;

import cn.jxquality.platform.security.EndpointPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the API, as every caller (a user of each realm role, each service account, nobody, an expired
 * token, another realm's), answers as src/test/resources/endpoint-policy.txt says; an operation without a row fails.
 */
@QuarkusTest
class EndpointPolicyTest {

    @Test
    void everyOperationAnswersEveryCallerAsItsPolicySays() throws Exception {
        EndpointPolicy.check(
                "http://127.0.0.1:" + RestAssured.port,
                "notify-service",
                ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class),
                Path.of("src/test/resources/endpoint-policy.txt"));
    }
}
