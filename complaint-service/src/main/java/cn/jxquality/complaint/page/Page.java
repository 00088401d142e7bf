package cn.jxquality.complaint.page;

/**
 * What every page template knows about the request it answers: the language, the form token, and where the
 * language switch leads. {@code staff} is the signed-in user on console pages, null on public ones.
 */
public record Page(Language lang, String csrfToken, String switchLanguageHref, Staff staff) {

    /** The name of the hidden field that carries the form token. */
    public static final String CSRF_FIELD = "csrf";

    public boolean isEnglish() {
        return lang == Language.EN;
    }
}
