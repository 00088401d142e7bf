package cn.jxquality.cases.handling;

import cn.jxquality.platform.problem.ProblemException;

/** Reads the version of a case or reward from an {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}. */
public final class IfMatch {

    private IfMatch() {}

    /** 428 when absent; a value that names no version cannot match, hence 412. */
    public static int version(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.stale("If-Match names no version of this case; send the ETag of GET.");
        }
    }
}
