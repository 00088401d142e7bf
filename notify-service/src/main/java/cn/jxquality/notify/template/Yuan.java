package cn.jxquality.notify.template;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money travels as integer fen; people read yuan: {@code {event.amountFen.yuan}} shows 500000 as {@code 5,000.00}. */
@TemplateExtension
public final class Yuan {

    private Yuan() {}

    /** Fen → yuan with two decimals and thousands separators (the same digits in Chinese and English). */
    static String yuan(Number fen) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(fen.longValue()).movePointLeft(2));
    }
}
