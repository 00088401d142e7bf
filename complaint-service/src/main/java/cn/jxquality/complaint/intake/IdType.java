package cn.jxquality.complaint.intake;

/** The identity document a person names. */
public enum IdType {
    RESIDENT_ID_CARD,
    PASSPORT,
    HK_MACAO_PERMIT,
    TAIWAN_PERMIT,
    FOREIGN_PERMANENT_RESIDENT_ID,
    OTHER
}
