package cn.jxquality.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "漏电 <SCRIPT src=//x>",
                "<img src=x onerror=alert(1)>",
                "</b>",
                "<!-- hidden -->",
                "见 javascript:alert(1)",
                "JavaScript : void(0)",
                "vbscript:msgbox",
                "data:text/html;base64,xx",
                "&#60;script&#62;"
            })
    void rejectsMarkupAndScript(String text) {
        assertEquals(
                "must be plain text, without HTML or script",
                PlainText.problemIn(text, true).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u202Eb", "a\u2066b", "\uD800", "a\uDC00"})
    void rejectsControlAndInvisibleCharacters(String text) {
        assertTrue(PlainText.problemIn(text, true).orElseThrow().contains("control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"价格<100元，实际>200元", "a < b", "电热水器 3 天后漏电。", "Tom & Jerry", "😀 表情"})
    void acceptsOrdinaryText(String text) {
        assertTrue(PlainText.problemIn(text, false).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"第一行\n第二行", "a\r\nb", "a\tb"})
    void lineBreaksOnlyWhereMultiLine(String text) {
        assertTrue(PlainText.problemIn(text, true).isEmpty());
        assertTrue(PlainText.problemIn(text, false).isPresent());
    }

    @Property(tries = 500)
    void chineseTextIsAlwaysPlain(
            @ForAll @CharRange(from = '\u4E00', to = '\u9FA5') @StringLength(max = 200) String text) {
        assertTrue(PlainText.problemIn(text, false).isEmpty());
    }

    @Property(tries = 500)
    void aTagAnywhereIsRejected(
            @ForAll @CharRange(from = '\u4E00', to = '\u9FA5') @StringLength(max = 50) String before,
            @ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 1, max = 10) String tag,
            @ForAll @CharRange(from = '\u4E00', to = '\u9FA5') @StringLength(max = 50) String after) {
        assertTrue(PlainText.problemIn(before + "<" + tag + ">" + after, true).isPresent());
    }

    private static final java.util.List<String> ALLOWED = java.util.List.of("gov.cn", "jxquality.cn");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "请到 https://evil.example/claim 领取",
                "详见 http://jxquality.cn.evil.example/x",
                "www.evil.example 办理",
                "HTTPS://EVIL.EXAMPLE",
                "https://gov.cn@evil.example/login",
                "https://例子.公司/x",
                "ftp://files.evil.example/a",
                "https://notgov.cn/x",
                "见 https://www.jxquality.cn/status 和 https://evil.example"
            })
    void aLinkOutsideTheAllowedHostsIsFound(String text) {
        assertTrue(PlainText.linkOutside(text, ALLOWED).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "请补充发票照片，上传到 https://12365.jxquality.cn/status?trackingNumber=JX1 。",
                "依据见 http://amr.jiangxi.gov.cn/art/2026/1/1/art_1.html，谢谢",
                "www.jxquality.cn",
                "https://gov.cn.",
                "产品型号 Node.js 3.5kg，e.g. 见发票",
                "没有链接的说明"
            })
    void linksToAllowedHostsAndOrdinaryTextPass(String text) {
        assertEquals(java.util.Optional.empty(), PlainText.linkOutside(text, ALLOWED), text);
    }
}
