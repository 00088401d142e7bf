package cn.jxquality.cases.casefile;

/** Whether an audit note may reach the citizen's public timeline. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
