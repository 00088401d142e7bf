package cn.jxquality.complaint.page;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How pages write times (Beijing time) and money (yuan from integer fen). */
@TemplateExtension
public final class PageFormats {

    /** Pages show every time in Asia/Shanghai, whatever the server's zone. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private PageFormats() {}

    /** {@code 2026-12-06 19:30}, Beijing time. */
    public static String beijing(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(BEIJING));
    }

    /** {@code 2026-12-06}, the Beijing calendar day. */
    public static String beijingDay(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(BEIJING));
    }

    /** A value for a link's query string ({@code {cursor.urlEncoded}}). */
    public static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The machine-readable instant for a {@code <time datetime>} attribute. */
    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** A file's size for people: {@code 840 B}, {@code 35 KB}, {@code 2.4 MB}. */
    public static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return BigDecimal.valueOf(bytes * 10 / (1024 * 1024), 1).toPlainString() + " MB";
    }

    /**
     * A code spaced for reading out on the telephone: a tracking number as prefix, date and sequence ({@code JX
     * 20261206 000123}), anything else in fours ({@code ABCD EFGH JKLM}).
     */
    public static String spaced(String code) {
        if (code == null) {
            return "";
        }
        if (code.matches("JX\\d{14,15}")) {
            return code.substring(0, 2) + " " + code.substring(2, 10) + " " + code.substring(10);
        }
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            spaced.append(i == 0 ? "" : " ").append(code, i, Math.min(code.length(), i + 4));
        }
        return spaced.toString();
    }

    /** A share 0–1 as a percentage with one decimal ({@code {fmt:percent(x)}}), a dash when there is none. */
    @TemplateExtension(namespace = "fmt")
    public static String percent(Double share) {
        return share == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Integer fen as yuan with two decimals: {@code 129900} → {@code 1299.00}. */
    public static String yuan(Long fen) {
        return fen == null ? "" : BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Integer fen as money with thousands separated ({@code {fmt:money(x)}}): {@code 100000000} → {@code ¥1,000,000.00}. */
    @TemplateExtension(namespace = "fmt")
    public static String money(Long fen) {
        return fen == null
                ? "—"
                : "¥"
                        + new java.text.DecimalFormat(
                                        "#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                                .format(BigDecimal.valueOf(fen, 2));
    }
}
