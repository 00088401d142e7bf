package cn.jxquality.cases.handling;

/**
 * Why a complaint is not accepted (不予受理), after SAMR Order No. 121 (市场监督管理投诉举报处理办法, 2026
 * revision): the legal grounds, each with the wording the citizen is told.
 */
public enum RefusalGround {
    NOT_WITHIN_DUTIES("投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限", "not within the duties or jurisdiction of this authority"),
    ALREADY_HANDLED_ELSEWHERE(
            "法院、仲裁机构、行政机关、消费者协会或者其他调解组织已经受理或者处理过同一争议",
            "the same dispute is or was handled by a court, arbitration body, another authority or mediator"),
    NOT_A_CONSUMER_DISPUTE(
            "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明存在消费者权益争议",
            "not a purchase for daily consumption, or no consumer dispute with the business is shown"),
    OVER_THREE_YEARS("投诉人知道或者应当知道自己的权益受到侵害之日起超过三年", "more than three years since the consumer knew of the harm"),
    MATERIALS_MISSING("经告知补正后仍未提供规定的投诉材料", "the required materials were not supplied after a request"),
    IDENTITY_OR_CONTACT_REFUSED("投诉人拒绝提供真实身份信息或者联系方式", "the complainant refused to give a true identity or contact"),
    OTHER_LEGAL_GROUND("法律、法规、规章规定不予受理的其他情形", "another ground for refusal laid down by law");

    private final String zh;
    private final String en;

    RefusalGround(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The ground as the citizen reads it on the public timeline. */
    public String publicText() {
        return zh + " (" + en + ")";
    }
}
