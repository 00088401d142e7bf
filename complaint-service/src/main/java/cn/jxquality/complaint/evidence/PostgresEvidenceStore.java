package cn.jxquality.complaint.evidence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Evidence content in the service's own database ({@code evidence_content}), in the caller's transaction. */
@ApplicationScoped
public class PostgresEvidenceStore implements EvidenceStore {

    static final String INSERT = "insert into evidence_content (file_id, content) values (:id, :content)";
    static final String SELECT = "select content from evidence_content where file_id = :id";

    @Override
    public Uni<Void> put(UUID fileId, byte[] sealedContent) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", fileId)
                        .setParameter("content", sealedContent)
                        .executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<byte[]> get(UUID fileId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(SELECT, byte[].class)
                        .setParameter("id", fileId)
                        .getResultList())
                .map((List<byte[]> rows) -> rows.isEmpty() ? null : rows.get(0));
    }
}
