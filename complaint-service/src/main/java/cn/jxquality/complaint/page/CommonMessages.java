package cn.jxquality.complaint.page;

import cn.jxquality.complaint.intake.ComplaintKind;
import cn.jxquality.complaint.intake.IdType;
import cn.jxquality.complaint.intake.PublicStatus;
import cn.jxquality.complaint.intake.Remedy;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Words every page shares (the frame, the intake form's fields, statuses, errors): Chinese in {@code
 * messages/common.properties}, English in {@code messages/common_en.properties}; {@code {common:…}} in templates.
 */
@MessageBundle(value = "common", locale = "zh-CN")
public interface CommonMessages {

    // the frame
    String site_name();

    String site_description();

    String skip_to_content();

    String nav_label();

    String nav_submit();

    String nav_status();

    String switch_language();

    String footer_hotlines();

    String footer_privacy();

    String beijing_time();

    String optional();

    String choose();

    String search_in_list(String list);

    String search_placeholder();

    // errors
    String error_summary_title();

    String error_prefix();

    @Message
    String error(FieldErrors.Kind kind);

    String tooLong(int max);

    @Message
    String error_title(PageErrors.Reason reason);

    @Message
    String error_text(PageErrors.Reason reason);

    String error_retry(Long minutes);

    String error_status(int status);

    String error_home();

    // the record
    @Message
    String status(PublicStatus status);

    @Message
    String status_explained(PublicStatus status);

    @Message
    String kind_name(ComplaintKind kind);

    @Message
    String remedy(Remedy remedy);

    @Message
    String idType(IdType idType);

    // the intake form
    String kind_COMPLAINT();

    String kind_REPORT();

    String kind_COMPLAINT_AND_REPORT();

    String kind_complaint_hint();

    String kind_report_hint();

    String kind_both_hint();

    String field_kind();

    String field_kind_hint();

    String section_subject();

    String field_category();

    String field_category_hint();

    String field_subject_name();

    String field_subject_name_hint();

    String field_credit_code();

    String field_credit_code_hint();

    String credit_code_valid();

    String credit_code_bad_check();

    String credit_code_length(int length);

    String field_region();

    String field_region_hint();

    String region_whole_city(String city);

    String field_subject_address();

    String field_online_platform();

    String field_online_platform_hint();

    String section_facts();

    String field_occurred_on();

    String field_occurred_on_hint();

    String field_product();

    String field_product_hint();

    String field_amount();

    String field_amount_hint();

    String field_description();

    String field_description_hint();

    String field_evidence();

    String field_evidence_hint();

    String section_remedy();

    String field_remedy();

    String field_remedy_hint();

    String field_consent_publish();

    String field_consent_mediation();

    String field_consent_mediation_hint();

    String field_enterprise_first();

    String field_enterprise_first_hint();

    String field_share_contact();

    String field_share_contact_hint();

    String section_person();

    String section_person_hint();

    String field_person_name();

    String field_mobile();

    String field_mobile_hint();

    String field_id_type();

    String field_id_number();

    String field_person_address();

    String field_email();

    String field_email_hint();

    String section_report();

    String field_anonymous();

    String field_anonymous_hint();

    String field_reward();

    String field_reward_hint();
}
