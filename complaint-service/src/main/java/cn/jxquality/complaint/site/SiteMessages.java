package cn.jxquality.complaint.site;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public pages' words: Chinese in {@code messages/site.properties}, English in {@code messages/site_en.properties};
 * {@code {site:…}} in templates.
 */
@MessageBundle(value = "site", locale = "zh-CN")
public interface SiteMessages {

    // submit
    String submit_title();

    String submit_lead();

    String submit_hotline_hint();

    String submit_privacy();

    String submit_button();

    String submit_throttled(long minutes);

    String submit_failed();

    // receipt
    String receipt_title();

    String receipt_once();

    String receipt_record();

    String receipt_tracking_number();

    String receipt_query_code();

    String receipt_received_at();

    String receipt_qr_label();

    String receipt_qr_caption();

    String receipt_evidence(int count);

    String receipt_evidence_failed();

    String receipt_next_title();

    String receipt_next_sms();

    String receipt_next_status();

    String receipt_print();

    String receipt_check_status();

    String receipt_gone_title();

    String receipt_gone_text();

    // status
    String status_title();

    String status_lead();

    String status_again();

    String status_button();

    String status_result_title(String trackingNumber);

    String status_now();

    String status_kind();

    String status_received();

    String status_department();

    String status_department_none();

    String status_enterprise();

    String status_limits_title();

    @Message
    String limit(StatusView.Rule rule);

    String limit_ends_on(String date);

    String status_timeline_title();

    String status_rate();

    String status_reward_hint();

    String status_throttled(long minutes);

    String status_not_found();

    String odr_title(String enterprise);

    String odr_agreement();

    String odr_reason();

    String odr_answer_lead(String date);

    String odr_comment();

    String odr_accept();

    String odr_dispute();

    String odr_confirmed();

    String odr_disputed();

    String odr_nothing_to_answer();

    String field_tracking_number();

    String field_tracking_number_hint();

    String field_query_code();

    String field_query_code_hint();

    // rating
    String rate_title();

    String rate_lead();

    String rate_question();

    String rate_option(int n);

    String rate_comment();

    String rate_button();

    String rate_thanks(int rating);

    String rate_not_open();

    String rate_already();

    // reward claim
    String claim_title();

    String claim_lead();

    String claim_section_report();

    String claim_section_claimant();

    String claim_claimant_hint();

    String claim_section_bank();

    String claim_bank_hint();

    String field_bank_name();

    String field_bank_account();

    String field_bank_holder();

    String field_bank_holder_hint();

    String claim_button();

    String claim_done(String trackingNumber, String yuan);

    String claim_identity_mismatch();

    String claim_not_found();

    String claim_conflict();

    String relay_unavailable();

    // opt-out
    String opt_out_title();

    String opt_out_lead();

    String field_opt_out_code();

    String field_opt_out_code_hint();

    String opt_out_button();

    String opt_out_done(String trackingNumber);

    String opt_out_not_found();

    // confirming the mobile or e-mail given on the web
    String confirm_title();

    String confirm_lead_sms();

    String confirm_lead_email();

    String field_confirm_code();

    String field_confirm_code_hint();

    String confirm_button();

    String confirm_done_sms(String trackingNumber);

    String confirm_done_email(String trackingNumber);

    String confirm_not_found();

    // the console's sign-out lands here
    String signed_out_title();

    String signed_out_text();

    String signed_out_again();
}
