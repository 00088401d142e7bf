package cn.jxquality.complaint.console;

import java.util.List;

/**
 * RFC 4180 lines for the console's exports. A field is quoted when it holds a comma, a quote or a line break, and a
 * field that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage
 * return at the start: a business name is the citizen's text) is written with a leading apostrophe, as OWASP's CSV
 * injection advice has it.
 */
final class CsvLines {

    /** Excel opens a UTF-8 file as UTF-8 only with the byte order mark. */
    static final String BOM = "\uFEFF";

    private CsvLines() {}

    static void append(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
