package cn.jxquality.notify.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Renders the Qute message templates ({@code templates/notifications/<name>.<language>.txt}). */
@ApplicationScoped
public class MessageTemplates {

    /** The language used when a recipient has none or one we do not speak. */
    public static final String DEFAULT_LANGUAGE = "zh-CN";

    static final String SUBJECT = "subject";

    private final Engine engine;

    MessageTemplates(Engine engine) {
        this.engine = engine;
    }

    /** {@code en}, {@code en-GB} → {@code en}; anything else → zh-CN. */
    public static String language(String requested) {
        return requested != null && requested.toLowerCase().startsWith("en") ? "en" : DEFAULT_LANGUAGE;
    }

    /** The message body; {@code data} holds {@code event} (the event's data) and extras such as {@code optOutCode}. */
    public String body(String template, String language, Map<String, Object> data) {
        return render(template, language, data);
    }

    /**
     * The e-mail subject line: the template's own ({@code <template>.subject.<language>.txt}) where it has one, as a
     * message to an enterprise does, else the citizens' progress update.
     */
    public String subject(String template, String language, Map<String, Object> data) {
        Template own = find(template + "." + SUBJECT, language);
        return own != null ? render(own, data) : render(SUBJECT, language, data);
    }

    private String render(String name, String language, Map<String, Object> data) {
        Template template = find(name, language);
        if (template == null) {
            throw new IllegalStateException("no template " + name + " in " + language);
        }
        return render(template, data);
    }

    private Template find(String name, String language) {
        return engine.getTemplate("notifications/" + name + "." + language(language));
    }

    private static String render(Template template, Map<String, Object> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render().strip();
    }
}
