package cn.jxquality.platform.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The instant of a new moon by Meeus, <i>Astronomical Algorithms</i> ch. 49 (error of seconds), as the Beijing
 * date a lunar month starts on. ICU's own approximation is minutes off, which moves e.g. the 2027 Spring
 * Festival (new moon at 23:56 Beijing time on 6 February) to the wrong day.
 */
final class NewMoon {

    /** Mean synodic month in days. */
    private static final double SYNODIC_MONTH = 29.530588861;
    /** Terrestrial minus universal time, seconds, for the 2020s–2030s. */
    private static final double DELTA_T_SECONDS = 70;

    private static final double[] PLANETARY_BASE = {
        299.77, 251.88, 251.83, 349.42, 84.66, 141.74, 207.14, 154.84, 34.52, 207.19, 291.34, 161.72, 239.56, 331.55
    };
    private static final double[] PLANETARY_RATE = {
        0.107408, 0.016321, 26.651886, 36.412478, 18.206239, 53.303771, 2.453732, 7.306860, 27.261239, 0.121824,
        1.844379, 24.198154, 25.513099, 3.592518
    };
    private static final double[] PLANETARY_AMPLITUDE = {
        0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047, 0.000042, 0.000040,
        0.000037, 0.000035, 0.000023
    };

    private NewMoon() {}

    /** The Beijing date of the new moon nearest to {@code near}. */
    static LocalDate beijingDateNear(LocalDate near) {
        double julianDay = near.getLong(JulianFields.JULIAN_DAY);
        long k = Math.round((julianDay - 2451550.09766) / SYNODIC_MONTH);
        double universal = ephemerisJulianDay(k) - DELTA_T_SECONDS / 86400;
        // a Julian day starts at noon UT; Beijing is UT+8
        long beijingDay = (long) Math.floor(universal + 0.5 + 8.0 / 24);
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, beijingDay);
    }

    /** Julian ephemeris day of new moon number {@code k} (k = 0: 6 January 2000). */
    static double ephemerisJulianDay(long k) {
        double t = k / 1236.85;
        double mean = 2451550.09766
                + SYNODIC_MONTH * k
                + 0.00015437 * t * t
                - 0.000000150 * t * t * t
                + 0.00000000073 * t * t * t * t;
        return mean + periodic(k, t) + planetary(k, t);
    }

    private static double periodic(long k, double t) {
        double e = 1 - 0.002516 * t - 0.0000074 * t * t;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
        double mp = rad(
                201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t - 0.000000058 * t * t * t * t);
        double f = rad(
                160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t + 0.000000011 * t * t * t * t);
        double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
        return -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(omega)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
    }

    private static double planetary(long k, double t) {
        double sum = 0;
        for (int i = 0; i < PLANETARY_BASE.length; i++) {
            double argument = PLANETARY_BASE[i] + PLANETARY_RATE[i] * k - (i == 0 ? 0.009173 * t * t : 0);
            sum += PLANETARY_AMPLITUDE[i] * Math.sin(rad(argument));
        }
        return sum;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360);
    }
}
