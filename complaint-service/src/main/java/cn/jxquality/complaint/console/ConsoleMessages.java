package cn.jxquality.complaint.console;

import cn.jxquality.complaint.intake.Channel;
import cn.jxquality.complaint.intake.LinkReason;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's words: Chinese in {@code messages/console.properties}, English in {@code
 * messages/console_en.properties}; {@code {console:…}} in templates.
 */
@MessageBundle(value = "console", locale = "zh-CN")
public interface ConsoleMessages {

    // the frame
    String console_name();

    String signed_in_as(String name);

    String sign_out();

    String menu_label();

    @Message
    String menu(ConsoleFrame.Entry entry);

    @Message
    String menu_about(ConsoleFrame.Entry entry);

    String home_title();

    String home_greeting(String name);

    String home_lead();

    String home_nothing();

    @Message
    String channel(Channel channel);

    // call intake
    String intake_title();

    String intake_keys();

    String intake_caller();

    String intake_mobile_hint();

    String intake_channel();

    String intake_submit();

    String intake_history_title();

    String intake_history_hint();

    String intake_history_none();

    String intake_duplicate();

    String intake_duplicate_flag();

    String receipt_title();

    String receipt_record();

    String receipt_tracking_number();

    String receipt_read_back();

    String receipt_query_code();

    String receipt_open();

    String receipt_script();

    String receipt_gone(String trackingNumber);

    String receipt_next_call();

    // search
    String search_title();

    String search_tracking_number();

    String search_enterprise();

    String search_enterprise_hint();

    String search_text();

    String search_text_hint();

    String search_button();

    String search_results(int count);

    String search_none();

    String search_next();

    String col_tracking_number();

    String col_received();

    String col_kind();

    String col_subject();

    String col_category();

    String col_mobile();

    String col_status();

    String linked(String trackingNumber);

    // one complaint
    String received_at(String time);

    String facts_title();

    String linked_title();

    @Message
    String link_reason(LinkReason reason);

    String feedback_title();

    String feedback(int rating);

    String case_title();

    String case_unavailable();

    String case_none();

    String case_state();

    String case_state_name(String state);

    String case_department();

    String case_outcome();

    String deadline_name(String name);

    String deadline_provisional();

    String case_events_title();

    String internal();

    String person_title();

    String person_masked(String mobile);

    String person_none();

    String person_audited(String name);

    String reveal_reason();

    String reveal_reason_hint();

    String reveal_reason_required();

    String reveal_reason_invalid();

    String reveal_button();

    String public_timeline_title();

    String evidence_title();

    String evidence_none();

    // the worklist and a case
    String cases_title();

    String cases_any();

    String cases_overdue_only();

    String cases_unavailable();

    String cases_none();

    String col_due();

    String overdue();

    String received();

    String case_version(int version);

    String waiting_for_materials();

    String outcome_name(String outcome);

    String actions_title();

    String actions_none();

    String action_name(String action);

    String refusal_ground();

    String refusal_ground_name(String ground);

    String public_note();

    String transfer_reason();

    String transfer_department();

    String transfer_by_rules();

    String note_text();

    String note_visibility();

    String note_internal();

    String note_public();

    String mediation_ground();

    String mediation_ground_when();

    String mediation_ground_name(String ground);

    String decision_number();

    String fines();

    String confiscations();

    String extend_reason();

    String materials_note();

    String done(String action);

    String action_invalid();

    String action_conflict();

    String action_stale();

    String action_unavailable();

    // the dashboard
    String dashboard_title();

    String period_from();

    String period_to();

    String period_show();

    String kpi_received();

    String kpi_decided();

    String kpi_on_time();

    String kpi_median_days();

    String kpi_satisfaction();

    String chart_received();

    String chart_satisfaction();

    String chart_volume_title();

    String chart_map_title();

    String chart_late_rate();

    String chart_map_late_title();

    String map_colour_by();

    String chart_category_title();

    String chart_department_title();

    String as_table();

    String col_day();

    String col_city();

    String col_rating();

    String col_substantiated();

    String enterprises_title();

    String none_in_period();

    String alerts_title();

    String alerts_none();

    String col_alert_subject();

    String col_alert_count();

    String col_alert_window();

    String alert_count(int count, double baseline);

    String queues_hint();

    // the supervisors' queues
    String queues_label();

    String queue_triage();

    String queue_escalations();

    String queue_notifications();

    String queue_unavailable();

    String triage_lead();

    String triage_none();

    String triage_assign_to(String trackingNumber);

    String triage_assign();

    String triage_assigned(String trackingNumber);

    String triage_taken();

    String col_region();

    String escalations_lead();

    String escalations_none();

    String escalations_more(int count);

    String escalations_overdue_cases();

    String col_opened();

    String col_escalation_due();

    String escalation_overdue();

    String notifications_lead();

    String notifications_none();

    String col_channel();

    String col_recipient();

    String col_template();

    String col_attempts();

    String col_last_error();

    String channel_name(String channel);

    String template_name(String template);

    String notification_resend();

    String notification_resend_label(String trackingNumber);

    String notification_resent();

    String notification_not_failed();

    // the reward desk
    String rewards_title();

    String rewards_tabs();

    String rewards_tab_list();

    String rewards_tab_candidates();

    String rewards_none();

    String rewards_listed(int count);

    String reward_state_name(String state);

    String col_amount();

    String col_level();

    String col_proposed();

    String col_penalty();

    String col_resolved();

    String candidates_lead();

    String candidates_none();

    String candidate_waiting(String numbers);

    String reward_propose();

    String reward_propose_for(String trackingNumber);

    String propose_lead();

    String propose_level();

    String level_name(int level);

    String propose_natural_person();

    String propose_natural_yes();

    String propose_natural_no();

    String propose_insider();

    String propose_exclusions();

    String exclusion_name(String exclusion);

    String propose_note();

    String propose_note_hint();

    String propose_submit();

    String reward_proposal_conflict(String type);

    String reward_forbidden();

    String reward_done(String done);

    String reward_four_eyes();

    String reward_conflict();

    String reward_stale();

    String reward_payout_unconfirmed();

    String reward_identity_audited();

    String reward_title(String trackingNumber);

    String reward_facts();

    String reward_violation_amount();

    String reward_base();

    String reward_shared_by();

    String reward_insider();

    String reward_below_threshold();

    String reward_exclusions();

    String reward_four_eyes_title();

    String reward_proposer();

    String reward_approver();

    String reward_finance_approver();

    String reward_finance_not_needed();

    String reward_pending();

    String reward_you_proposed();

    String reward_claim_by();

    String reward_paid_at();

    String reward_payment_reference();

    String reward_public_note();

    String reward_proposal_note();

    String reward_decisions();

    String reward_no_decision();

    String reward_approve();

    String reward_approve_finance();

    String reward_reject();

    String reward_reject_reason();

    String reward_pay();

    String reward_identity_title();

    String reward_identity_hidden();

    String reward_identity_reveal();

    String reward_identity_anonymous();

    String reward_events();

    // the auditors' trails
    String audit_title();

    String audit_lead();

    String audit_recent_title();

    String audit_none();

    String audit_identity_title();

    String audit_case_title();

    String audit_no_case();

    String audit_rewards_title();

    String audit_identity_views();

    String audit_unavailable();

    String col_time();

    String col_actor();

    String col_purpose();

    String col_reason();

    String col_role();

    String col_on_behalf_of();

    String purpose_name(String purpose);

    String audit_older();
}
