package de.dormagentwin.model.io;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The coordinate parser must give parseDouble's double, bit for bit, for whatever text parseDouble reads, and refuse what it refuses. */
class DecimalParserTest {

    private static void assertParsesAsParseDouble(String text) {
        char[] padded = (" x" + text + "y ").toCharArray();
        double expected;
        try {
            expected = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            assertThrows(NumberFormatException.class, () -> DecimalParser.parse(padded, 2, 2 + text.length()), "'" + text + "' is no number");
            return;
        }
        double actual = DecimalParser.parse(padded, 2, 2 + text.length());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "'" + text + "': parseDouble " + expected + ", here " + actual);
    }

    @Test
    void edgeCasesReadAsParseDoubleReadsThem() {
        for (String text : List.of("0", "-0", "+0", "0.0", "-0.000", "00012.5000", "+1", ".5", "5.", "-.5", "1e22", "1e23", "1E-5", "1e+5",
                "9007199254740993", "123456789012345", "1234567890123456", "999999999999999", "0.000000000000000000001",
                "1e-22", "123456789012345e-22", "123456789012345e-23", "4.9e-324", "1.7976931348623157e308", "1e309", "-1e309",
                "2.2250738585072014E-308", "330896.718", "5730102.85", "22.016", "0.1", "0.3", "1e0000", "1e00005", "7e-0",
                "NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f", "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1 2", "١")) {
            assertParsesAsParseDouble(text);
        }
    }

    @Test
    void randomDoublesAndDecimalsReadAsParseDoubleReadsThem() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble(-1e7, 1e7);
                case 2 -> Math.scalb(random.nextDouble(), random.nextInt(-80, 80));
                default -> random.nextInt(-1_000_000_000, 1_000_000_000) / 1000.0;
            };
            if (Double.isFinite(value)) {
                assertParsesAsParseDouble(Double.toString(value));
                assertParsesAsParseDouble(String.format(Locale.ROOT, "%." + random.nextInt(0, 12) + "f", value));
                assertParsesAsParseDouble(String.format(Locale.ROOT, "%." + random.nextInt(0, 17) + "e", value));
            }
            assertParsesAsParseDouble(randomDecimal(random));
        }
    }

    /** Up to 20 digits with a point anywhere (or none), and an exponent now and then. */
    private static String randomDecimal(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        int digits = random.nextInt(1, 21);
        int point = random.nextInt(-1, digits + 1);
        for (int d = 0; d < digits; d++) {
            if (d == point) {
                text.append('.');
            }
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(3) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(-40, 40));
        }
        return text.toString();
    }
}
