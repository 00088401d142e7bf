package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseState;

/**
 * A decided step: from and to state (equal for notes and extensions) and the {@code case-events} type the
 * citizen's timeline receives, or null when the step is internal.
 */
public record Transition(CaseAction action, CaseState from, CaseState to, String publicEventType) {

    public boolean changesState() {
        return from != to;
    }
}
