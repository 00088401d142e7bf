package cn.jxquality.complaint.page;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The message bundles in a chosen language, for words pages put together in Java rather than in a template. Chinese
 * is each bundle's default; English comes from its {@code _en} file.
 */
@ApplicationScoped
public class Texts {

    public CommonMessages common(Language language) {
        return bundle(CommonMessages.class, language);
    }

    /** Any bundle ({@code SiteMessages}, {@code ConsoleMessages}, …) in {@code language}. */
    public <T> T bundle(Class<T> type, Language language) {
        return language == Language.ZH_CN
                ? MessageBundles.get(type)
                : MessageBundles.get(type, Localized.Literal.of(language.tag()));
    }
}
