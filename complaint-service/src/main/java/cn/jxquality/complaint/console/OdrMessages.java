package cn.jxquality.complaint.console;

import cn.jxquality.complaint.odr.OdrState;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the ODR enterprise's console pages ({@code odr:} in templates), zh-CN by default and English. */
@MessageBundle(value = "odr", locale = "zh-CN")
public interface OdrMessages {

    String dashboard_title();

    String dashboard_share(long referred, String share);

    String dashboard_referred();

    String dashboard_settlement_rate();

    String dashboard_on_time_rate();

    String dashboard_lapsed();

    String dashboard_unavailable();

    String history_title();

    String history_enterprise();

    String history_citizen();

    String history_ended();

    String col_status();

    String title();

    String lead();

    String state_filter();

    String state_all();

    String none();

    String col_sent();

    String col_due();

    String col_product();

    String facts();

    String contact();

    String contact_name();

    String contact_email();

    String contact_unconfirmed();

    String contact_not_shared();

    String response();

    String outcome_settled();

    String outcome_not_settled();

    String citizen_confirmed();

    String citizen_disputed();

    String answer_title();

    String answer_lead();

    String outcome();

    String text();

    String text_hint();

    String submit();

    String recorded();

    @Message
    String state(OdrState state);
}
