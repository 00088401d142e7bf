package cn.jxquality.complaint.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "RESIDENT_ID_CARD, 11010519491231002X", // GB 11643's own example
        "RESIDENT_ID_CARD, 11010519491231002x", // the X in lower case
        "RESIDENT_ID_CARD, 36010219900101123X",
        "RESIDENT_ID_CARD, 810000199001011230", // a Hong Kong resident's residence permit
        "PASSPORT, E12345678",
        "PASSPORT, 533380006",
        "HK_MACAO_PERMIT, H12345678",
        "HK_MACAO_PERMIT, M1234567890",
        "TAIWAN_PERMIT, 12345678",
        "FOREIGN_PERMANENT_RESIDENT_ID, USA110012312345",
        "OTHER, 军字第1234号"
    })
    void takes(IdType type, String number) {
        assertEquals(Optional.empty(), IdentityNumbers.problem(type, number, TODAY));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "RESIDENT_ID_CARD, 110105194912310021, check digit", // the example: one digit off
        "RESIDENT_ID_CARD, 360102199001011234, check digit",
        "RESIDENT_ID_CARD, 110105491231002, 18 characters", // the first generation's 15 digits, void since 2013
        "RESIDENT_ID_CARD, 11010519491231002Y, 18 characters",
        "RESIDENT_ID_CARD, 000000199001011230, region code",
        "RESIDENT_ID_CARD, 360102199002301234, birth date", // 30 February
        "RESIDENT_ID_CARD, 360102202701011234, birth date", // not born yet
        "RESIDENT_ID_CARD, 360102189912311234, birth date",
        "PASSPORT, E-1234, passport",
        "HK_MACAO_PERMIT, X12345678, Hong Kong",
        "TAIWAN_PERMIT, 1234567, Taiwan",
        "FOREIGN_PERMANENT_RESIDENT_ID, US110012312345, permanent resident"
    })
    void refuses(IdType type, String number, String saying) {
        Optional<String> problem = IdentityNumbers.problem(type, number, TODAY);
        assertTrue(problem.isPresent() && problem.get().contains(saying), number + ": " + problem);
    }

    @Test
    void theCheckCharacterIsGb11643s() {
        assertEquals('X', IdentityNumbers.checkCharacter("11010519491231002"));
        assertEquals('X', IdentityNumbers.checkCharacter("36010219900101123"));
        assertEquals('0', IdentityNumbers.checkCharacter("81000019900101123"));
    }
}
