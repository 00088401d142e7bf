package cn.jxquality.complaint.page;

import java.util.List;

/** The signed-in staff member as the console frame shows them: their name and the pages their roles open. */
public record Staff(String name, List<MenuItem> menu) {

    /** One entry of the console menu; {@code current} marks the page being shown. */
    public record MenuItem(String href, String label, boolean current) {}
}
