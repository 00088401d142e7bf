package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseState;
import java.util.Set;

/** An action the case's state does not allow; names what would be allowed. */
public class IllegalTransitionException extends RuntimeException {

    private final transient Set<CaseAction> allowed;

    public IllegalTransitionException(CaseAction action, CaseState state, Set<CaseAction> allowed) {
        super("A case in state " + state + " cannot " + action.endpoint() + ".", null, false, false);
        this.allowed = allowed;
    }

    public Set<CaseAction> allowed() {
        return allowed;
    }
}
