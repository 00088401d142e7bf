package cn.jxquality.complaint.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SubjectNameTest {

    @Test
    void widthCaseSpacesAndPunctuationDoNotMatter() {
        assertEquals(SubjectName.key("南昌某某电器(有限公司)"), SubjectName.key(" 南昌 某某电器（有限公司） "));
        assertEquals(SubjectName.key("ABC Mart"), SubjectName.key("ａｂｃ－ｍａｒｔ"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(SubjectName.key("南昌某某电器有限公司"), SubjectName.key("九江某某电器有限公司"));
    }
}
