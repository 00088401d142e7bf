package cn.jxquality.complaint.site;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jxquality.complaint.Browser;
import cn.jxquality.complaint.OtherServices;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reward claim and the opt-out pages hand the citizen's request to the service that owns it (case-service,
 * notify-service: WireMock here, through their published APIs) and say what it decided, in the citizen's language.
 */
@QuarkusTest
@QuarkusTestResource(OtherServices.class)
class RelayedPagesTest {

    static final String CLAIMS = "/api/v1/reward-claims";
    static final String OPT_OUTS = "/api/v1/opt-outs";

    @BeforeEach
    void reset() {
        OtherServices.wireMock().resetAll();
    }

    @Test
    void aClaimIsRelayedWithThisServicesTokenAndTheCitizensAddressAndItsReceiptShown() {
        OtherServices.wireMock().stubFor(post(urlEqualTo(CLAIMS)).willReturn(json(200, """
                {"rewardId":"7d1d1b4e-9a8c-4c55-9d0c-4d8f2b7b2a11","trackingNumber":"JX20261125000123",
                 "state":"CLAIMED","amountFen":300000}""")));
        Browser reporter = Browser.chinese();
        Response page = reporter.submit("/reward-claim?trackingNumber=JX20261125000123", "/reward-claim", claim());
        assertEquals(200, page.statusCode(), page.asString());
        assertThat(page.asString(), containsString("奖励 3000.00 元将打入您的账户"));
        OtherServices.wireMock()
                .verify(postRequestedFor(urlEqualTo(CLAIMS))
                        .withHeader("Authorization", containing("Bearer "))
                        .withHeader("X-Forwarded-For", equalTo(reporter.address()))
                        .withRequestBody(equalToJson("""
                                {"trackingNumber":"JX20261125000123","queryCode":"ABCDEFGHJKLM","claimantName":"王五",
                                 "idType":"RESIDENT_ID_CARD","idNumber":"36010219900101123X","bankName":"中国工商银行",
                                 "bankAccountNumber":"6222020200112233445","bankAccountHolder":"王五"}""")));
    }

    @Test
    void whatCaseServiceRefusesIsShownWhereItBelongs() {
        OtherServices.wireMock().stubFor(post(urlEqualTo(CLAIMS)).willReturn(json(400, """
                {"type":"https://jxquality.cn/problems/invalid-input","title":"Invalid input","status":400,
                 "violations":[{"field":"bankAccountHolder","message":"must be the claimant's own account"}]}""")));
        Response invalid = Browser.english().submit("/reward-claim", "/reward-claim", claim());
        assertEquals(400, invalid.statusCode());
        assertThat(invalid.asString(), containsString("The bank account must be in the claimant&#39;s own name."));

        OtherServices.wireMock().stubFor(post(urlEqualTo(CLAIMS)).willReturn(json(403, """
                {"type":"https://jxquality.cn/problems/identity-mismatch","title":"Identity mismatch","status":403}""")));
        assertThat(
                Browser.chinese()
                        .submit("/reward-claim", "/reward-claim", claim())
                        .asString(),
                containsString("申领人姓名和证件与实名举报人不一致"));

        OtherServices.wireMock()
                .stubFor(post(urlEqualTo(CLAIMS)).willReturn(json(429, """
                {"type":"https://jxquality.cn/problems/too-many-requests","title":"Too many requests","status":429}""").withHeader("Retry-After", "600")));
        Response throttled = Browser.chinese().submit("/reward-claim", "/reward-claim", claim());
        assertEquals(429, throttled.statusCode());
        assertEquals("600", throttled.header("Retry-After"));
        assertThat(throttled.asString(), containsString("请 10 分钟后再试"));
    }

    @Test
    void whenCaseServiceCannotBeReachedTheClaimantIsToldNothingWasRecorded() {
        OtherServices.wireMock()
                .stubFor(post(urlEqualTo(CLAIMS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response down = Browser.chinese().submit("/reward-claim", "/reward-claim", claim());
        assertEquals(503, down.statusCode());
        assertThat(down.asString(), containsString("您的申请没有被记录"));
        assertThat(down.asString(), containsString("value=\"6222 0202 0011 2233 445\""));
    }

    @Test
    void anOptOutIsConfirmedOnThePageTheMessageLinksTo() {
        OtherServices.wireMock()
                .stubFor(post(urlEqualTo(OPT_OUTS)).willReturn(aResponse().withStatus(204)));
        Browser citizen = Browser.chinese();
        String link = "/opt-out?trackingNumber=JX20261125000123&code=ABCD2345";
        String form = citizen.get(link).asString();
        assertThat(form, containsString("value=\"ABCD2345\""));
        Response done = citizen.submit(
                link, "/opt-out", Map.of("trackingNumber", "JX20261125000123", "optOutCode", "ABCD2345"));
        assertEquals(200, done.statusCode());
        assertThat(done.asString(), containsString("已退订"));
        OtherServices.wireMock()
                .verify(postRequestedFor(urlEqualTo(OPT_OUTS))
                        .withHeader("X-Forwarded-For", equalTo(citizen.address()))
                        .withRequestBody(matchingJsonPath("$.optOutCode", equalTo("ABCD2345"))));

        OtherServices.wireMock().stubFor(post(urlEqualTo(OPT_OUTS)).willReturn(json(404, """
                {"type":"https://jxquality.cn/problems/not-found","title":"Not found","status":404}""")));
        Response wrong = Browser.english()
                .submit(link, "/opt-out", Map.of("trackingNumber", "JX20261125000123", "optOutCode", "XXXX"));
        assertEquals(404, wrong.statusCode());
        assertThat(wrong.asString(), containsString("do not match"));
    }

    private static Map<String, String> claim() {
        Map<String, String> form = new HashMap<>();
        form.put("trackingNumber", "jx20261125000123");
        form.put("queryCode", "ABCDEFGHJKLM");
        form.put("claimantName", "王五");
        form.put("idType", "RESIDENT_ID_CARD");
        form.put("idNumber", "36010219900101123x");
        form.put("bankName", "中国工商银行");
        form.put("bankAccountNumber", "6222 0202 0011 2233 445");
        form.put("bankAccountHolder", "王五");
        return form;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        return aResponse().withStatus(status).withHeader("Content-Type", type).withBody(body);
    }
}
