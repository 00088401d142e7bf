package cn.jxquality.complaint.intake;

import cn.jxquality.complaint.reference.ReferenceData;
import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.Problem.Violation;
import cn.jxquality.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The intake rules that need the seeds or look across fields; Bean Validation checks the rest. */
@ApplicationScoped
public class SubmissionRules {

    /** Earlier than this a date is a typing or encoding mistake, and PostgreSQL's date range ends far sooner than Java's. */
    static final LocalDate EARLIEST_OCCURRENCE = LocalDate.of(1950, 1, 1);

    private final ReferenceData reference;
    private final EnterpriseFirst enterpriseFirst;

    SubmissionRules(ReferenceData reference, EnterpriseFirst enterpriseFirst) {
        this.reference = reference;
        this.enterpriseFirst = enterpriseFirst;
    }

    /** Throws a 400 problem naming every broken rule, or returns quietly. */
    public void check(SubmissionRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!reference.isKnownCategory(request.category())) {
            violations.add(new Violation("category", "is not a known second-level category"));
        }
        SubmissionRequest.Subject subject = request.subject();
        if (!reference.isKnownRegion(subject.regionCode())) {
            violations.add(new Violation("subject.regionCode", "is not a known Jiangxi region code"));
        }
        String creditCode = subject.creditCode();
        if (creditCode != null && !creditCode.isBlank() && !UnifiedSocialCreditCode.isValid(creditCode)) {
            violations.add(
                    new Violation("subject.creditCode", "is not a valid unified social credit code (GB 32100-2015)"));
        }
        if (request.occurredOn() != null && request.occurredOn().isBefore(EARLIEST_OCCURRENCE)) {
            violations.add(new Violation("occurredOn", "must not be before " + EARLIEST_OCCURRENCE));
        }
        checkPerson(request, violations);
        if (!request.kind().includesReport() && request.rewardRequested()) {
            violations.add(new Violation("rewardRequested", "applies to reports only"));
        }
        if (!request.kind().includesComplaint() && request.remedy() != null) {
            violations.add(new Violation("remedy", "applies to complaints only"));
        }
        checkEnterpriseFirst(request, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    /**
     * ODR goes to a registered enterprise, named by a valid credit code, and is for complaints: a report is the
     * regulator's to verify, and a complaint-and-report needs the department anyway.
     */
    private void checkEnterpriseFirst(SubmissionRequest request, List<Violation> violations) {
        if (!request.enterpriseFirst()) {
            return;
        }
        String creditCode = request.subject().creditCode();
        if (request.kind() != SubmissionKind.COMPLAINT) {
            violations.add(new Violation("odr.enterpriseFirst", "applies to complaints only"));
        } else if (creditCode == null || creditCode.isBlank()) {
            violations.add(
                    new Violation("subject.creditCode", "is required to send the complaint to the enterprise first"));
        } else if (UnifiedSocialCreditCode.isValid(creditCode.strip())
                && enterpriseFirst.registered(creditCode.strip()).isEmpty()) {
            violations.add(new Violation(
                    "odr.enterpriseFirst",
                    "this enterprise is not in the ODR register (GET /api/v1/odr/enterprises lists it); send the"
                            + " complaint to the department instead"));
        }
    }

    private static void checkPerson(SubmissionRequest request, List<Violation> violations) {
        SubmissionRequest.Person person = request.person();
        boolean identityRequired = request.kind().includesComplaint() || !request.anonymous();
        if (request.kind().includesComplaint() && request.anonymous()) {
            violations.add(
                    new Violation("anonymous", "complaints need a real identity; only reports may be anonymous"));
        }
        if (person == null) {
            if (identityRequired) {
                violations.add(new Violation("person", "is required unless an anonymous report"));
            }
            return;
        }
        if (identityRequired && (person.name() == null || person.name().isBlank())) {
            violations.add(new Violation("person.name", "is required"));
        }
        if (person.mobile() != null && MainlandMobile.normalise(person.mobile()).isEmpty()) {
            violations.add(new Violation("person.mobile", "is not a mainland mobile number"));
        } else if (identityRequired && person.mobile() == null) {
            violations.add(new Violation("person.mobile", "is required"));
        }
        if (person.idNumber() != null && !person.idNumber().isBlank()) {
            if (person.idType() == null) {
                violations.add(new Violation("person.idType", "is required with an ID number"));
            } else {
                IdentityNumbers.problem(person.idType(), person.idNumber(), LocalDate.now(IntakeService.CHINA))
                        .ifPresent(message -> violations.add(new Violation("person.idNumber", message)));
            }
        }
    }
}
