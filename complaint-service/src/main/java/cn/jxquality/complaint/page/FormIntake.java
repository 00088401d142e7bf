package cn.jxquality.complaint.page;

import cn.jxquality.complaint.evidence.EvidenceService;
import cn.jxquality.complaint.evidence.Upload;
import cn.jxquality.complaint.idempotency.IdempotencyKey;
import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.IntakeService;
import cn.jxquality.complaint.intake.SubmissionReceipt;
import cn.jxquality.complaint.intake.SubmissionRequest;
import cn.jxquality.complaint.intake.SubmissionRules;
import cn.jxquality.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A submission typed into a form, the citizen's or the operator's: checked completely first (every field, every
 * file's content) so that a form with a mistake registers nothing, then registered through the same intake as the
 * API, then its evidence attached.
 */
@ApplicationScoped
public class FormIntake {

    private final Validator validator;
    private final SubmissionRules rules;
    private final IntakeService intake;
    private final EvidenceService evidence;

    FormIntake(Validator validator, SubmissionRules rules, IntakeService intake, EvidenceService evidence) {
        this.validator = validator;
        this.rules = rules;
        this.intake = intake;
        this.evidence = evidence;
    }

    /** A form that passed every check, ready to register. */
    public record Checked(SubmissionRequest request, List<Upload> uploads, IdempotencyKey key) {}

    /** What registering gave: the receipt and whether the evidence could be attached. */
    public record Registered(SubmissionReceipt receipt, int evidenceFiles, boolean evidenceFailed) {}

    /** The checked submission, or a failure with the {@link FieldErrors} of every field at fault. */
    public Uni<Checked> check(SubmissionForm form, List<FileUpload> files, Channel channel, Language language) {
        SubmissionForm.Parsed parsed = form.parse(channel, language.tag());
        FieldErrors errors = new FieldErrors().addAll(parsed.problems());
        SubmissionRequest request = parsed.request();
        errors.addConstraints(validator.validate(request), SubmissionForm::formField);
        if (request.kind() != null) {
            // the rules that need the seeds or look across fields, so every mistake shows at once
            try {
                rules.check(request);
            } catch (ProblemException e) {
                errors.addViolations(e.problem().violations(), SubmissionForm::formField);
            }
        }
        IdempotencyKey key = key(form.idempotencyKey, errors);
        List<Upload> uploads = uploads(files);
        Uni<Void> filesChecked = uploads.isEmpty() ? Uni.createFrom().voidItem() : evidence.check(uploads);
        return filesChecked
                .onFailure(ProblemException.class)
                .recoverWithUni(e -> {
                    errors.addViolations(((ProblemException) e).problem().violations(), SubmissionForm::formField);
                    return Uni.createFrom().voidItem();
                })
                .map(v -> {
                    if (!errors.isEmpty()) {
                        throw new InvalidForm(errors);
                    }
                    return new Checked(request, uploads, key);
                });
    }

    /**
     * Registers a checked submission for {@code caller} (empty: an anonymous citizen) and attaches its files; a
     * retry of the same form (the same idempotency key) gets the first receipt and attaches nothing twice.
     */
    public Uni<Registered> register(Checked checked, String caller) {
        return intake.submit(checked.request(), caller, checked.key())
                .flatMap(receipt -> attach(checked, caller, receipt));
    }

    private Uni<Registered> attach(Checked checked, String caller, SubmissionReceipt receipt) {
        if (checked.uploads().isEmpty()) {
            return Uni.createFrom().item(new Registered(receipt, 0, false));
        }
        EvidenceService.Attacher attacher =
                EvidenceService.Attacher.atIntake(caller.isEmpty() ? null : caller, receipt.queryCode());
        return evidence.attach(receipt.trackingNumber(), attacher, checked.uploads())
                .map(stored -> new Registered(receipt, stored.size(), false))
                .onFailure()
                .recoverWithItem(e -> {
                    // the submission stands; the receipt says the files did not come through
                    Log.warnf("Evidence for %s not attached: %s", receipt.trackingNumber(), e.getMessage());
                    return new Registered(receipt, 0, true);
                });
    }

    private static IdempotencyKey key(String value, FieldErrors errors) {
        try {
            return IdempotencyKey.ofHeader(value);
        } catch (ProblemException e) {
            errors.add(new FieldErrors.Problem("kind", FieldErrors.Kind.INVALID));
            return null;
        }
    }

    private static List<Upload> uploads(List<FileUpload> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f.size() > 0
                                || (f.fileName() != null && !f.fileName().isBlank()))
                        .map(f -> new Upload(f.fileName(), f.contentType(), f.size(), f.uploadedFile()))
                        .toList();
    }

    /** A form with mistakes: nothing was registered. */
    public static class InvalidForm extends RuntimeException {

        private final transient FieldErrors errors;

        InvalidForm(FieldErrors errors) {
            super("invalid form", null, false, false);
            this.errors = errors;
        }

        public FieldErrors errors() {
            return errors;
        }
    }
}
