package cn.jxquality.complaint.intake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** A business name as compared for duplicates: full- and half-width alike, case, spaces and punctuation ignored. */
public final class SubjectName {

    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private SubjectName() {}

    /** {@code "南昌 某某电器（有限公司）"} and {@code "南昌某某电器(有限公司)"} have the same key. */
    public static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return IGNORED.matcher(folded).replaceAll("");
    }
}
