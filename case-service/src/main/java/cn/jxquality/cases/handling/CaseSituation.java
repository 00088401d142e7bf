package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.CaseState;

/** What the state machine needs to know about a case: its kind, its state and whether verification was extended. */
public record CaseSituation(CaseKind kind, CaseState state, boolean verificationExtended) {}
