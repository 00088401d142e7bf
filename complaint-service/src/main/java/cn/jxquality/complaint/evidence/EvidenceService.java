package cn.jxquality.complaint.evidence;

import cn.jxquality.complaint.intake.Complaint;
import cn.jxquality.complaint.intake.QueryCodes;
import cn.jxquality.complaint.personal.IdentityAccess;
import cn.jxquality.complaint.personal.PersonalDataCipher;
import cn.jxquality.complaint.status.LookupThrottle;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.Problem.Violation;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Attaches evidence to a record: every file checked by content before anything is stored, then metadata and
 * sealed content in one transaction, at most {@link Upload#MAX_FILES} per record however many requests race.
 */
@ApplicationScoped
public class EvidenceService {

    private final EvidenceStore store;
    private final PersonalDataCipher cipher;
    private final QueryCodes queryCodes;
    private final LookupThrottle throttle;
    private final Vertx vertx;

    EvidenceService(
            EvidenceStore store,
            PersonalDataCipher cipher,
            QueryCodes queryCodes,
            LookupThrottle throttle,
            Vertx vertx) {
        this.store = store;
        this.cipher = cipher;
        this.queryCodes = queryCodes;
        this.throttle = throttle;
        this.vertx = vertx;
    }

    /**
     * Who attaches: staff by name, or a citizen by query code (checked and throttled like a status lookup). {@code
     * atIntake}: the files come with the submission itself, so they are attached once, whichever of its retries
     * gets there first, and the throttle (the submitter has the code just issued) does not apply.
     */
    public record Attacher(String staffName, String queryCode, String client, boolean atIntake) {

        public Attacher(String staffName, String queryCode, String client) {
            this(staffName, queryCode, client, false);
        }

        /** The files of a submission, attached right after it was registered by {@code staffName} (null: a citizen). */
        public static Attacher atIntake(String staffName, String queryCode) {
            return new Attacher(staffName, queryCode, null, true);
        }

        boolean isStaff() {
            return staffName != null;
        }
    }

    /**
     * Checks uploads as {@link #attach} would (count, sizes, names, content types) without storing anything, so a
     * form can name a bad file before the submission it belongs to is registered.
     */
    public Uni<Void> check(List<Upload> uploads) {
        Upload.checkAll(uploads);
        return identify(uploads).replaceWithVoid();
    }

    /**
     * Attaches the uploads (already on disk, bounded by {@link Upload#MAX_BYTES}) to the record. A citizen's throttle
     * and query code are checked before any file is read; the files are then told by their first bytes alone, and each
     * is read whole only to be sealed and stored, one at a time (issue 17 item 3: an anonymous upload with a wrong code
     * costs no memory).
     */
    public Uni<List<EvidenceInfo>> attach(String trackingNumber, Attacher attacher, List<Upload> uploads) {
        Upload.checkAll(uploads);
        Uni<Complaint> mayAttach = attacher.isStaff() || attacher.atIntake()
                ? find(trackingNumber).flatMap(complaint -> authorised(complaint, trackingNumber, attacher))
                : throttle.oneAtATime(
                        trackingNumber,
                        () -> throttle.checkOpen(trackingNumber, attacher.client())
                                .flatMap(open -> find(trackingNumber))
                                .flatMap(complaint -> authorised(complaint, trackingNumber, attacher)));
        return mayAttach
                .flatMap(authorised -> identify(uploads))
                .flatMap(files ->
                        Panache.withTransaction(() -> Complaint.<Complaint>find("trackingNumber", trackingNumber)
                                .withLock(LockModeType.PESSIMISTIC_WRITE)
                                .<Complaint>firstResult()
                                .flatMap(complaint -> storeAll(complaint, files, attacher))));
    }

    private static Uni<Complaint> find(String trackingNumber) {
        return Panache.withSession(() ->
                Complaint.<Complaint>find("trackingNumber", trackingNumber).<Complaint>firstResult());
    }

    @WithSession
    public Uni<List<EvidenceInfo>> list(String trackingNumber) {
        return Complaint.<Complaint>find("trackingNumber", trackingNumber)
                .<Complaint>firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No complaint has this tracking number."))
                .flatMap(complaint -> EvidenceFile.<EvidenceFile>find(
                                "complaintId = ?1 order by uploadedAt, id", complaint.id())
                        .list())
                .map(files -> files.stream().map(EvidenceInfo::of).toList());
    }

    /**
     * The file and its opened content, for the member of staff {@code actor}: every download is audited like a read of
     * the person (evidence is often an ID card photo), in the same transaction, so no file leaves unrecorded.
     */
    @WithTransaction
    public Uni<Download> download(UUID fileId, String actor) {
        return EvidenceFile.<EvidenceFile>findById(fileId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No evidence file has this id."))
                .flatMap(file -> store.get(file.id).flatMap(ciphertext -> {
                    if (ciphertext == null) {
                        throw new IllegalStateException("evidence content missing for " + file.id);
                    }
                    Download download = new Download(
                            file, cipher.open(new PersonalDataCipher.Sealed(file.keyId, ciphertext), file.id));
                    return IdentityAccess.record(
                                    file.complaintId,
                                    actor,
                                    IdentityAccess.Purpose.EVIDENCE_DOWNLOAD,
                                    "evidence file " + file.id)
                            .replaceWith(download);
                }));
    }

    /** A file to send to staff. */
    public record Download(EvidenceFile file, byte[] content) {

        /** The file as an attachment: never rendered inline, never sniffed, never stored by a cache. */
        public Response asAttachment() {
            String name =
                    URLEncoder.encode(file.fileName, StandardCharsets.UTF_8).replace("+", "%20");
            return Response.ok(content, file.mediaType)
                    .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    /** An upload identified by its content: the media type its first bytes show. */
    record CheckedFile(String fileName, String mediaType, Upload upload) {}

    /** Enough of a file's start for {@link EvidenceType#sniff}: its longest signature ends at byte 12. */
    static final int HEAD_BYTES = 16;

    private Uni<List<CheckedFile>> identify(List<Upload> uploads) {
        return Multi.createFrom()
                .iterable(uploads)
                .onItem()
                .transformToUniAndConcatenate(this::head)
                .collect()
                .asList()
                .map(heads -> identify(uploads, heads));
    }

    /** The first {@link #HEAD_BYTES} bytes of an upload (fewer when it is shorter). */
    private Uni<byte[]> head(Upload upload) {
        return vertx.fileSystem()
                .open(
                        upload.path().toString(),
                        new OpenOptions().setRead(true).setWrite(false).setCreate(false))
                .flatMap(file ->
                        file.read(Buffer.buffer(HEAD_BYTES), 0, 0, HEAD_BYTES).eventually(file::close))
                .map(Buffer::getBytes);
    }

    private static List<CheckedFile> identify(List<Upload> uploads, List<byte[]> heads) {
        List<Violation> violations = new ArrayList<>();
        List<CheckedFile> files = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String sniffed = EvidenceType.sniff(heads.get(i)).orElse(null);
            if (sniffed == null) {
                violations.add(
                        new Violation(Upload.field(i), "is not an image, PDF, audio or video file (by content)"));
            } else if (!EvidenceType.agrees(upload.declaredType(), sniffed)) {
                violations.add(new Violation(
                        Upload.field(i), "is declared " + upload.declaredType() + " but its content is " + sniffed));
            } else {
                files.add(new CheckedFile(upload.safeName(), sniffed, upload));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(
                    "unsupported-evidence",
                    "Unsupported evidence",
                    415,
                    "Evidence must be an image, PDF, audio or video file, as its content shows.",
                    violations));
        }
        return files;
    }

    private Uni<Complaint> authorised(Complaint complaint, String trackingNumber, Attacher attacher) {
        if (attacher.isStaff() && complaint != null) {
            return Uni.createFrom().item(complaint);
        }
        if (!attacher.isStaff() && complaint != null && queryCodes.matches(attacher.queryCode(), complaint)) {
            return Uni.createFrom().item(complaint);
        }
        ProblemException notFound =
                ProblemException.notFound("No complaint matches this tracking number and query code.");
        return attacher.isStaff()
                ? Uni.createFrom().failure(notFound)
                : throttle.recordFailure(trackingNumber, attacher.client())
                        .flatMap(counted -> Uni.createFrom().failure(notFound));
    }

    private Uni<List<EvidenceInfo>> storeAll(Complaint complaint, List<CheckedFile> files, Attacher attacher) {
        return EvidenceFile.count("complaintId", complaint.id()).flatMap(existing -> {
            if (attacher.atIntake() && existing > 0) {
                return EvidenceFile.<EvidenceFile>find("complaintId = ?1 order by uploadedAt, id", complaint.id())
                        .list()
                        .map(stored -> stored.stream().map(EvidenceInfo::of).toList());
            }
            if (existing + files.size() > Upload.MAX_FILES) {
                return Uni.createFrom()
                        .failure(ProblemException.invalid(
                                "file",
                                "a submission holds at most " + Upload.MAX_FILES + " evidence files; " + existing
                                        + " already attached"));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return Multi.createFrom()
                    .iterable(files)
                    .onItem()
                    .transformToUniAndConcatenate(file -> storeOne(complaint, file, attacher, now))
                    .collect()
                    .asList()
                    .invoke(stored ->
                            Log.infof("%d evidence file(s) attached to %s", stored.size(), complaint.trackingNumber()));
        });
    }

    /** Reads one checked file whole, seals and stores it: one file's content in memory at a time. */
    private Uni<EvidenceInfo> storeOne(Complaint complaint, CheckedFile checked, Attacher attacher, Instant now) {
        return vertx.fileSystem()
                .readFile(checked.upload().path().toString())
                .flatMap(content -> storeOne(complaint, checked, content.getBytes(), attacher, now));
    }

    private Uni<EvidenceInfo> storeOne(
            Complaint complaint, CheckedFile checked, byte[] content, Attacher attacher, Instant now) {
        EvidenceFile file = new EvidenceFile();
        file.id = UUID.randomUUID();
        file.complaintId = complaint.id();
        file.fileName = checked.fileName();
        file.mediaType = checked.mediaType();
        file.sizeBytes = content.length;
        file.sha256 = sha256(content);
        file.uploadedBy = attacher.staffName();
        file.uploadedAt = now;
        PersonalDataCipher.Sealed sealed = cipher.seal(content, file.id);
        file.keyId = sealed.keyId();
        return file.<EvidenceFile>persist()
                .call(saved -> Panache.flush())
                .call(saved -> store.put(file.id, sealed.ciphertext()))
                .map(EvidenceInfo::of);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
