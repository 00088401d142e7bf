package cn.jxquality.notify.support;

import cn.jxquality.platform.contract.ProviderOpenApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * notify-service's tests stand complaint-service's contact look-up in with WireMock ({@link ContactLookups}); what
 * that stub answers must be what complaint-service documents, so a change on the provider's side (a field renamed,
 * made required, another type) breaks this build rather than the citizen's SMS.
 */
class ContactContractTest {

    static final ProviderOpenApi COMPLAINT_SERVICE =
            ProviderOpenApi.of(Path.of("../complaint-service/target/openapi/openapi.json"));

    @ParameterizedTest(name = "mobile {0}, e-mail {1}, {2}")
    @CsvSource(
            value = {"13900139000, zh@example.cn, zh-CN", "NULL, en@example.cn, en", "13900139001, NULL, zh-CN"},
            nullValues = "NULL")
    void theStubAnswersWhatComplaintServiceDocuments(String mobile, String email, String language) throws IOException {
        UUID complaintId = UUID.randomUUID();
        Stubs.contact(complaintId, mobile, email, language);
        String answer = "{\"contacts\":[" + ContactLookups.CONTACTS.get(complaintId) + "]}";
        COMPLAINT_SERVICE.assertAnswers(
                "/internal/v1/complaints/contact-lookups", "post", "200", new ObjectMapper().readTree(answer));
        Stubs.noContact(complaintId);
    }

    @Test
    void theUnconfirmedStubAnswersWhatComplaintServiceDocuments() throws IOException {
        UUID complaintId = UUID.randomUUID();
        Stubs.unconfirmedContact(complaintId, "13900139002", "web@example.cn", "zh-CN");
        String answer = "{\"contacts\":[" + ContactLookups.CONTACTS.get(complaintId) + "]}";
        COMPLAINT_SERVICE.assertAnswers(
                "/internal/v1/complaints/contact-lookups", "post", "200", new ObjectMapper().readTree(answer));
        Stubs.noContact(complaintId);
    }
}
