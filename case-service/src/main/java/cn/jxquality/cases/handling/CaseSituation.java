package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseKind;
import cn.jxquality.cases.casefile.CaseState;

/**
 * What the state machine needs to know about a case: its kind, its state, whether verification was extended and
 * whether the department is waiting for the citizen's materials.
 */
public record CaseSituation(CaseKind kind, CaseState state, boolean verificationExtended, boolean waitingForMaterials) {

    public CaseSituation(CaseKind kind, CaseState state, boolean verificationExtended) {
        this(kind, state, verificationExtended, false);
    }
}
