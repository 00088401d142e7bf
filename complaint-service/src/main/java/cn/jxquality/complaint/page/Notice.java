package cn.jxquality.complaint.page;

/** A message at the top of a page: what happened or what to do, with its weight ({@code error}, {@code warning}, {@code ok}). */
public record Notice(String level, String text) {

    public static Notice error(String text) {
        return new Notice("error", text);
    }

    public static Notice warning(String text) {
        return new Notice("warning", text);
    }

    public static Notice ok(String text) {
        return new Notice("ok", text);
    }
}
