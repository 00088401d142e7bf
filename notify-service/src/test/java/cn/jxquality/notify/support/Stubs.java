package cn.jxquality.notify.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;

/** WireMock stubs for complaint-service's contact look-up and the SMS gateway. */
public final class Stubs {

    private Stubs() {}

    public static final String CONTACT_LOOKUPS_PATH = "/internal/v1/complaints/contact-lookups";

    /** The contact complaint-service's look-up answers for this complaint (see {@link ContactLookups}). */
    public static void contact(UUID complaintId, String mobile, String email, String language) {
        ContactLookups.CONTACTS.put(complaintId, """
                {"complaintId":"%s","name":"张三","mobile":%s,"email":%s,"language":"%s","anonymous":false,
                 "mobileConfirmed":true,"emailConfirmed":true,"mobileConfirmationCode":null,"emailConfirmationCode":null}""".formatted(complaintId, quoted(mobile), quoted(email), language));
    }

    /**
     * A contact given on the web that its owner has not confirmed yet: complaint-service answers the codes the receipt
     * is to carry.
     */
    public static void unconfirmedContact(UUID complaintId, String mobile, String email, String language) {
        ContactLookups.CONTACTS.put(complaintId, """
                {"complaintId":"%s","name":"张三","mobile":%s,"email":%s,"language":"%s","anonymous":false,
                 "mobileConfirmed":false,"emailConfirmed":false,"mobileConfirmationCode":"SMS2CODE",
                 "emailConfirmationCode":"MAIL2CDE"}""".formatted(complaintId, quoted(mobile), quoted(email), language));
    }

    /** A complaint the look-up does not know (it is left out of the answer). */
    public static void noContact(UUID complaintId) {
        ContactLookups.CONTACTS.remove(complaintId);
    }

    /** Look-ups that asked for this complaint's contact. */
    public static RequestPatternBuilder contactLookupsOf(UUID complaintId) {
        return postRequestedFor(urlEqualTo(CONTACT_LOOKUPS_PATH)).withRequestBody(containing(complaintId.toString()));
    }

    /** The gateway answers these statuses in turn for this mobile, then keeps answering the last one. */
    public static void smsGateway(String mobile, int... statuses) {
        String scenario = "sms-" + mobile;
        for (int i = 0; i < statuses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "try-" + i;
            var stub = post(urlEqualTo(ThirdParties.SMS_PATH))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.to", equalTo(mobile)))
                    .willReturn(aResponse().withStatus(statuses[i]).withBody("{}"));
            if (i < statuses.length - 1) {
                stub = stub.willSetStateTo("try-" + (i + 1));
            }
            ThirdParties.wireMock().stubFor(stub);
        }
    }

    /** The gateway's status look-up says it took the message with this reference (else it answers 404). */
    public static void smsTaken(UUID reference) {
        ThirdParties.wireMock()
                .stubFor(get(urlPathEqualTo(ThirdParties.SMS_STATUS_PATH))
                        .withQueryParam("reference", equalTo(reference.toString()))
                        .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"TAKEN\"}")));
    }

    /** Look-ups at the gateway's status URL for this reference. */
    public static RequestPatternBuilder smsStatusOf(UUID reference) {
        return getRequestedFor(urlPathEqualTo(ThirdParties.SMS_STATUS_PATH))
                .withQueryParam("reference", equalTo(reference.toString()));
    }

    public static RequestPatternBuilder smsTo(String mobile) {
        return postRequestedFor(urlEqualTo(ThirdParties.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(mobile)));
    }

    /** A mobile number no other test uses. */
    public static String mobile() {
        return "139"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
