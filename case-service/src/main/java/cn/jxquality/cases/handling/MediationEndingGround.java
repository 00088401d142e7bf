package cn.jxquality.cases.handling;

/** Why mediation ended without an agreement (终止调解), after SAMR Order No. 121 (2026 revision). */
public enum MediationEndingGround {
    SETTLED_BY_PARTIES("双方自行和解", "the parties settled by themselves"),
    NO_AGREEMENT_ON_TESTING(
            "双方对委托检定、检验、检测、鉴定的机构或者费用承担无法协商一致", "no agreement on the testing body or who pays for testing"),
    PARTY_ABSENT_OR_REFUSED(
            "一方无正当理由不参加调解，或者被投诉人明确拒绝调解", "a party stayed away without good reason or the business refused mediation"),
    NO_AGREEMENT_POSSIBLE("经组织调解，一方明确表示无法达成调解协议", "a party declared that no agreement can be reached"),
    TIME_LIMIT_EXPIRED("自受理之日起六十日内未能达成调解协议", "no agreement within 60 days of acceptance"),
    REFUSAL_GROUND_FOUND("受理后发现存在不予受理情形", "a ground for refusal came to light after acceptance"),
    OTHER_LEGAL_GROUND("法律、法规、规章规定应当终止调解的其他情形", "another ground for ending mediation laid down by law");

    private final String zh;
    private final String en;

    MediationEndingGround(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The ground as the citizen reads it on the public timeline. */
    public String publicText() {
        return zh + " (" + en + ")";
    }
}
