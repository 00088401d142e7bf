package cn.jxquality.complaint.evidence;

import cn.jxquality.platform.problem.Problem;
import cn.jxquality.platform.problem.Problem.Violation;
import cn.jxquality.platform.problem.ProblemException;
import cn.jxquality.platform.text.PlainText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One uploaded part as the HTTP layer received it (in a temporary file), before its content is checked. */
public record Upload(String fileName, String declaredType, long size, Path path) {

    /** A submission holds at most this many evidence files. */
    public static final int MAX_FILES = 10;

    /** Each file at most 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Count, sizes and names, before anything is read: 400, or 413 when only sizes are wrong. */
    static void checkAll(List<Upload> uploads) {
        if (uploads.isEmpty()) {
            throw ProblemException.invalid("file", "at least one file part named 'file' is required");
        }
        if (uploads.size() > MAX_FILES) {
            throw ProblemException.invalid("file", "at most " + MAX_FILES + " files per submission");
        }
        List<Violation> tooLarge = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            if (upload.size() <= 0) {
                invalid.add(new Violation(field(i), "is empty"));
            } else if (upload.size() > MAX_BYTES) {
                tooLarge.add(new Violation(field(i), "is larger than 10 MB"));
            }
            if (PlainText.problemIn(upload.safeName(), false).isPresent()) {
                invalid.add(new Violation(field(i), "has a file name that is not plain text"));
            }
        }
        if (!invalid.isEmpty()) {
            invalid.addAll(tooLarge);
            throw new ProblemException(Problem.invalid(invalid));
        }
        if (!tooLarge.isEmpty()) {
            throw new ProblemException(Problem.of(
                    "file-too-large", "File too large", 413, "Each evidence file may hold at most 10 MB.", tooLarge));
        }
    }

    /** The name without any directory part, at most 255 characters; "evidence" when the client sent none. */
    String safeName() {
        String name = fileName == null ? "" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            return "evidence";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String field(int index) {
        return "file[" + index + "]";
    }
}
