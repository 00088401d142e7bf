package cn.jxquality.complaint.console;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the console's exports: Chinese in {@code messages/exports.properties}, English in {@code
 * messages/exports_en.properties}; {@code {exports:…}} in templates.
 */
@MessageBundle(value = "exports", locale = "zh-CN")
public interface ExportMessages {

    String list_title();

    String list_lead();

    String kind();

    String kind_name(String kind);

    String month();

    String month_hint();

    String start();

    String list_mine();

    String list_none();

    String rows();

    String requested();

    String state(String state);

    String list_kept();

    String title(String kind, String month);

    String progress();

    String pause_reason(String reason);

    String rows_of(Long done, Long expected);

    String leave();

    String refresh();

    String resume();

    String finished(String at);

    String download(String fileName);

    String list_back();

    String already_running();

    String not_resumed();

    String columns_complaints();

    String columns_cases();
}
