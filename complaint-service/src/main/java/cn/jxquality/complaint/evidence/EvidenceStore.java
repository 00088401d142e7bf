package cn.jxquality.complaint.evidence;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Where evidence content lives (sealed bytes; metadata is in {@code evidence_file}). The PostgreSQL store writes in
 * the caller's transaction, so a file is stored with its metadata or not at all; an object or file store would
 * write before the metadata commits and collect orphans.
 */
public interface EvidenceStore {

    /** Stores the sealed content of a file. */
    Uni<Void> put(UUID fileId, byte[] sealedContent);

    /** The sealed content of a file, or null when there is none. */
    Uni<byte[]> get(UUID fileId);
}
