package cn.jxquality.complaint.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The formats of the identity documents a person may name. A complaint stands on the complainant's real identity, so a
 * number that cannot be one is refused at intake, as the credit code is. The resident identity number is checked as
 * GB 11643-1999 defines it: 18 characters, a province-level region prefix, a real birth date, and the check character
 * {@code (12 − Σ dᵢ·wᵢ mod 11) mod 11} (10 written {@code X}). The others by their documents' formats.
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /**
     * The province-level codes of GB/T 2260 that begin a resident number, with 81, 82 and 83 for the residence permits
     * of Hong Kong, Macao and Taiwan residents (which share the format).
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final Pattern RESIDENT = Pattern.compile("^\\d{17}[\\dX]$");
    /** A passport of any country: letters and digits, 5 to 17 of them (the Chinese ones: E or G and eight more). */
    private static final Pattern PASSPORT = Pattern.compile("^[A-Z0-9]{5,17}$");
    /** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and eight digits, ten on the older cards. */
    private static final Pattern HK_MACAO = Pattern.compile("^[HM]\\d{8}(\\d{2})?$");
    /** 台湾居民来往大陆通行证: eight digits, ten on the older cards. */
    private static final Pattern TAIWAN = Pattern.compile("^\\d{8}(\\d{2})?$");
    /** 外国人永久居留身份证 of 2004: three letters (the nationality) and twelve digits. */
    private static final Pattern FOREIGN_2004 = Pattern.compile("^[A-Z]{3}\\d{12}$");

    private IdentityNumbers() {}

    /** What is wrong with {@code number} as a document of {@code type}, or empty when it may be one. */
    public static Optional<String> problem(IdType type, String number, LocalDate today) {
        String n = number.strip().toUpperCase(Locale.ROOT);
        return switch (type) {
            case RESIDENT_ID_CARD -> resident(n, today);
            case PASSPORT ->
                PASSPORT.matcher(n).matches()
                        ? Optional.empty()
                        : Optional.of("is not a passport number (5 to 17 letters and digits)");
            case HK_MACAO_PERMIT ->
                HK_MACAO.matcher(n).matches()
                        ? Optional.empty()
                        : Optional.of("is not a Hong Kong or Macao permit number (H or M and 8 or 10 digits)");
            case TAIWAN_PERMIT ->
                TAIWAN.matcher(n).matches()
                        ? Optional.empty()
                        : Optional.of("is not a Taiwan permit number (8 or 10 digits)");
            case FOREIGN_PERMANENT_RESIDENT_ID ->
                FOREIGN_2004.matcher(n).matches()
                                || (n.startsWith("9") && resident(n, today).isEmpty())
                        ? Optional.empty()
                        : Optional.of("is not a foreign permanent resident ID number (3 letters and 12 digits, or the"
                                + " 18-character card of 2023 beginning with 9)");
            case OTHER -> Optional.empty();
        };
    }

    /** A resident identity number of GB 11643-1999 (the foreigners' card of 2023 shares its layout, with 9 first). */
    private static Optional<String> resident(String n, LocalDate today) {
        if (!RESIDENT.matcher(n).matches()) {
            return Optional.of("must be 18 characters: 17 digits and a check digit or X (GB 11643)");
        }
        if (!PROVINCES.contains(n.substring(0, 2)) && n.charAt(0) != '9') {
            return Optional.of("does not begin with a region code (GB 11643)");
        }
        LocalDate born;
        try {
            born = LocalDate.of(
                    Integer.parseInt(n.substring(6, 10)),
                    Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("does not hold a real birth date (GB 11643)");
        }
        if (born.isBefore(EARLIEST_BIRTH) || born.isAfter(today)) {
            return Optional.of("does not hold a real birth date (GB 11643)");
        }
        return n.charAt(17) == checkCharacter(n) ? Optional.empty() : Optional.of("has a wrong check digit (GB 11643)");
    }

    /** The check character for the first 17 digits of an 18-character number. */
    public static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
