package cn.jxquality.complaint.console;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the console's long operations, the CSV exports and the bulk re-sends: Chinese in {@code
 * messages/jobs.properties}, English in {@code messages/jobs_en.properties}; {@code {jobs:…}} in templates.
 */
@MessageBundle(value = "jobs", locale = "zh-CN")
public interface JobMessages {

    String export_list_title();

    String export_list_lead();

    String export_kind();

    String export_kind_name(String kind);

    String export_month();

    String export_month_hint();

    String export_start();

    String export_list_mine();

    String export_list_none();

    String export_rows();

    String export_requested();

    String export_state(String state);

    String export_list_kept();

    String export_title(String kind, String month);

    String export_progress();

    String export_pause_reason(String reason);

    String export_rows_of(Long done, Long expected);

    String export_leave();

    String export_refresh();

    String export_resume();

    String export_finished(String at);

    String export_download(String fileName);

    String export_list_back();

    String export_already_running();

    String export_not_resumed();

    String export_columns_complaints();

    String export_columns_cases();

    String resend_all_title();

    String resend_all_lead();

    String resend_all_channel();

    String resend_all_any();

    String resend_all_submit();

    String resend_batches();

    String resend_title();

    String resend_progress(Integer settled, Integer total);

    String resend_counts(Integer sent, Integer pending, Integer failed);

    String resend_requested(String by, String at);

    String resend_leave();

    String resend_settled();

    String resend_none();

    String resend_back();

    String resend_unavailable();
}
