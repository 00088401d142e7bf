package cn.jxquality.complaint.contract;

import cn.jxquality.complaint.console.CaseServiceClient;
import cn.jxquality.complaint.console.RewardsClient;
import cn.jxquality.complaint.console.SupervisionClient;
import cn.jxquality.complaint.site.RewardClaimsClient;
import cn.jxquality.platform.contract.ProviderOpenApi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console and the reward-claim page read case-service through REST clients whose records are complaint-service's
 * own view of case-service's answers (no shared code between services). Each client method is checked against the
 * OpenAPI document case-service's build writes: every field a record reads must be one case-service answers, with a
 * compatible JSON type, and every field a body sends one it takes. A field renamed or removed on the provider's side
 * breaks this build, not a supervisor's page.
 */
class CaseServiceContractTest {

    static final ProviderOpenApi CASE_SERVICE =
            ProviderOpenApi.of(java.nio.file.Path.of("../case-service/target/openapi/openapi.json"));

    static Stream<Arguments> clientMethods() {
        return Stream.of(
                        CaseServiceClient.class, RewardsClient.class, SupervisionClient.class, RewardClaimsClient.class)
                .flatMap(client -> Arrays.stream(client.getMethods())
                        .filter(method -> httpMethod(method) != null)
                        .map(method -> Arguments.of(client.getSimpleName() + "." + method.getName(), method)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientMethods")
    void whatTheConsumerReadsAndSendsIsWhatCaseServiceDocuments(String name, Method method) {
        String path = pathOf(method);
        String verb = httpMethod(method).toLowerCase(java.util.Locale.ROOT);
        Type answer = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        if (method.getReturnType() == Uni.class && answer != Void.class) {
            CASE_SERVICE.assertConsumerReads(path, verb, answer);
        }
        for (var parameter : method.getParameters()) {
            if (parameter.getAnnotations().length == 0 && !Map.class.isAssignableFrom(parameter.getType())) {
                CASE_SERVICE.assertConsumerSends(path, verb, parameter.getType());
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String pathOf(Method method) {
        String base = method.getDeclaringClass().getAnnotation(Path.class).value();
        Path own = method.getAnnotation(Path.class);
        return own == null ? base : base + (own.value().startsWith("/") ? "" : "/") + own.value();
    }
}
