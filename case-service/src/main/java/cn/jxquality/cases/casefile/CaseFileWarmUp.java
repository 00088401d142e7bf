package cn.jxquality.cases.casefile;

import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.warmup.WarmUpPlan;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The worklists' warm-up: a supervisor's and a department's first page of assigned cases, and a case that does not
 * exist (404), read in process as the department API reads them. Reads only.
 */
@Singleton
class CaseFileWarmUp implements WarmUpPlan {

    private static final Caller SUPERVISOR = new Caller("warm-up", "supervisor", Optional.empty());
    private static final Caller DEPARTMENT = new Caller("warm-up", "department", Optional.of("360100-AMR"));
    private static final CaseQueries.Filter ASSIGNED =
            new CaseQueries.Filter(CaseState.ASSIGNED, null, null, null, null, null, null, null, 50);

    private final CaseQueries queries;

    CaseFileWarmUp(CaseQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Exercise> exercises() {
        return List.of(
                new Exercise("the supervisors' worklist", () -> queries.list(SUPERVISOR, ASSIGNED)),
                new Exercise("a department's worklist", () -> queries.list(DEPARTMENT, ASSIGNED)),
                new Exercise(
                        "an unknown case",
                        () -> queries.get(SUPERVISOR, UUID.randomUUID())
                                .onFailure(ProblemException.class)
                                .recoverWithNull()));
    }
}
