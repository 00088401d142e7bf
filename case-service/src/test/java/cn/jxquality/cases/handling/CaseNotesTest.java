package cn.jxquality.cases.handling;

import static cn.jxquality.cases.handling.CaseApi.act;
import static cn.jxquality.cases.handling.CaseApi.events;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A PUBLIC note reaches the citizen's timeline as {@code case.note-added.v1}; an INTERNAL one stays in the trail. */
@QuarkusTest
class CaseNotesTest {

    @Inject
    Pool pool;

    private final CaseTopics topics = new CaseTopics();

    @AfterEach
    void closeTopics() {
        topics.close();
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void aPublicNoteIsPublishedAndAnInternalNoteIsNot() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "accept", null).statusCode(200);
        act(
                        opened.id(),
                        "notes",
                        "{\"text\":\"The shop owner is a cousin of the inspector\",\"visibility\":\"INTERNAL\"}")
                .statusCode(200);
        act(
                        opened.id(),
                        "notes",
                        "{\"text\":\"We have asked the shop for its delivery records\",\"visibility\":\"PUBLIC\"}")
                .statusCode(200)
                .body("state", equalTo("ACCEPTED"));

        JsonNode added = topics.awaitEvent(opened.complaintId(), "case.note-added.v1");
        assertEquals(
                "We have asked the shop for its delivery records",
                added.get("publicNote").asText());
        assertEquals("ACCEPTED", added.get("state").asText());
        assertEquals(opened.id().toString(), added.get("caseId").asText());
        assertEquals(opened.trackingNumber(), added.get("trackingNumber").asText());
        assertEquals("360100-AMR", added.get("departmentCode").asText());
        // the outbox keeps the complaint's order: the internal note, written first, would have been published first
        assertEquals(
                List.of("case.assigned.v1", "case.accepted.v1", "case.note-added.v1"),
                topics.types(opened.complaintId()));
        assertEquals(1, outboxRows(opened, "case.note-added.v1"));
        topics.assertAllMatchTheirSchemas(opened.complaintId());
        events(opened.id())
                .statusCode(200)
                .body("findAll { it.type == 'case.note' }.visibility", equalTo(List.of("INTERNAL", "PUBLIC")));
    }

    @Test
    @TestSecurity(user = "dept-nc", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department_code", value = "360100-AMR"))
    void anInternalNoteAloneWritesNoEvent() {
        CaseTopics.OpenedCase opened = topics.openNanchangComplaint();
        act(opened.id(), "notes", "{\"text\":\"Inspector visits on Monday\",\"visibility\":\"INTERNAL\"}")
                .statusCode(200);
        assertEquals(0, outboxRows(opened, "case.note-added.v1"));
        assertEquals(1, outboxRowsOf(opened));
    }

    private long outboxRows(CaseTopics.OpenedCase opened, String type) {
        return count("select count(*) from outbox_event where aggregate_id = $1 and type = $2", opened, type);
    }

    /** Every row the complaint has in the outbox: only its case.assigned.v1. */
    private long outboxRowsOf(CaseTopics.OpenedCase opened) {
        return count("select count(*) from outbox_event where aggregate_id = $1", opened);
    }

    private long count(String sql, CaseTopics.OpenedCase opened, Object... more) {
        Tuple args = Tuple.of(opened.complaintId());
        for (Object m : more) {
            args.addValue(m);
        }
        return pool.preparedQuery(sql)
                .execute(args)
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }
}
