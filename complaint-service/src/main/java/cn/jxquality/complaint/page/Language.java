package cn.jxquality.complaint.page;

import java.util.Locale;
import java.util.Optional;

/** The two languages of the pages: Simplified Chinese first, English second. */
public enum Language {
    ZH_CN("zh-CN", Locale.forLanguageTag("zh-CN")),
    EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The IETF tag the pages, the cookie and the intake's {@code language} field use. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The other language, which the language switch offers. */
    public Language other() {
        return this == ZH_CN ? EN : ZH_CN;
    }

    /** A tag as written in a link or a cookie ({@code zh-CN}, {@code zh}, {@code en}, any case). */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.equals("en") || t.startsWith("en-")) {
            return Optional.of(EN);
        }
        if (t.equals("zh") || t.startsWith("zh-")) {
            return Optional.of(ZH_CN);
        }
        return Optional.empty();
    }

    /**
     * The first of the browser's {@code Accept-Language} ranges that is one of ours, in the order the browser
     * prefers them (quality values are in practice descending); Chinese when none is.
     */
    public static Language ofAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH_CN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Language> known = ofTag(range.getRange());
                if (known.isPresent() && range.getWeight() > 0) {
                    return known.get();
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header gets the default language
        }
        return ZH_CN;
    }
}
