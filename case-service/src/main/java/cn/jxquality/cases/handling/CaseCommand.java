package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.Visibility;

/** A request to change a case, as the state machine sees it: the action and what the law requires with it. */
public sealed interface CaseCommand {

    CaseAction action();

    /** A supervisor places a triaged case with a department. */
    record Assign() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.ASSIGN;
        }
    }

    record Accept() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.ACCEPT;
        }
    }

    record Refuse(RefusalGround ground) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.REFUSE;
        }
    }

    /** Starts mediation (complaint) or investigation (report). */
    record Start() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.START;
        }
    }

    record Transfer() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.TRANSFER;
        }
    }

    /** The system re-routes a transferred case: to a department when one was found, else to triage. */
    record Route(boolean departmentFound) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.ROUTE;
        }
    }

    record Resolve(Resolution resolution) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.RESOLVE;
        }
    }

    record Close() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.CLOSE;
        }
    }

    /** Extends a report's verification period, once. */
    record Extend() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.EXTEND;
        }
    }

    /** The department asks the citizen for missing materials; the deadlines pause. */
    record RequestMaterials() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.REQUEST_MATERIALS;
        }
    }

    /** The materials arrived; the deadlines run on, later by the time spent waiting. */
    record MaterialsReceived() implements CaseCommand {
        public CaseAction action() {
            return CaseAction.MATERIALS_RECEIVED;
        }
    }

    /** A note on the audit trail; a {@code PUBLIC} one is also told to the citizen. */
    record Note(Visibility visibility) implements CaseCommand {
        public CaseAction action() {
            return CaseAction.NOTE;
        }
    }
}
