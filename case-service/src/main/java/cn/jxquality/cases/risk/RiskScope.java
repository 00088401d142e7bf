package cn.jxquality.cases.risk;

/** What the complaints of a risk alert have in common besides the city. */
public enum RiskScope {
    /** The same enterprise (unified social credit code of the subject). */
    ENTERPRISE,
    /** The same category of the complaint. */
    CATEGORY
}
