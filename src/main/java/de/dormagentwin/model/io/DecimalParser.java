package de.dormagentwin.model.io;

/**
 * Reads a decimal number from characters exactly as {@link Double#parseDouble} does, without making a String of it.
 * A plain decimal of at most 15 significant digits whose power of ten is at most 22 (every coordinate NRW writes,
 * millimetres of UTM) is a whole number and a power of ten that doubles hold exactly, so one multiplication or
 * division rounds it correctly, as parseDouble does (Clinger's fast path). Anything else goes to parseDouble.
 */
final class DecimalParser {
    private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Below 2^53, so the digits are a double exactly. */
    private static final int MOST_FAST_DIGITS = 15;

    private DecimalParser() {
    }

    /**
     * The number in {@code chars[from, to)}, which holds no whitespace.
     *
     * @throws NumberFormatException as parseDouble throws it, where the text is no number
     */
    static double parse(char[] chars, int from, int to) {
        int at = from;
        boolean negative = false;
        if (at < to && (chars[at] == '-' || chars[at] == '+')) {
            negative = chars[at] == '-';
            at++;
        }
        long digits = 0;
        int significant = 0;
        int fractionDigits = 0;
        int digitCount = 0;
        while (at < to && chars[at] >= '0' && chars[at] <= '9') {
            significant = append(chars[at], digits, significant);
            digits = digits * 10 + (chars[at] - '0');
            digitCount++;
            at++;
        }
        if (at < to && chars[at] == '.') {
            at++;
            while (at < to && chars[at] >= '0' && chars[at] <= '9') {
                significant = append(chars[at], digits, significant);
                digits = digits * 10 + (chars[at] - '0');
                digitCount++;
                fractionDigits++;
                at++;
            }
        }
        int exponent = 0;
        if (at < to && (chars[at] == 'e' || chars[at] == 'E') && digitCount > 0) {
            at++;
            boolean negativeExponent = false;
            if (at < to && (chars[at] == '-' || chars[at] == '+')) {
                negativeExponent = chars[at] == '-';
                at++;
            }
            int exponentStart = at;
            while (at < to && chars[at] >= '0' && chars[at] <= '9' && at - exponentStart < 4) {
                exponent = exponent * 10 + (chars[at] - '0');
                at++;
            }
            if (at == exponentStart) {
                return slow(chars, from, to);
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (at != to || digitCount == 0 || significant > MOST_FAST_DIGITS) {
            return slow(chars, from, to);
        }
        int power = exponent - fractionDigits;
        double value;
        if (power == 0) {
            value = digits;
        } else if (power > 0 && power < POWERS_OF_TEN.length) {
            value = digits * POWERS_OF_TEN[power];
        } else if (power < 0 && -power < POWERS_OF_TEN.length) {
            value = digits / POWERS_OF_TEN[-power];
        } else {
            return slow(chars, from, to);
        }
        return negative ? -value : value;
    }

    /** How many significant digits there are once {@code digit} follows {@code digits}: leading zeros count none. */
    private static int append(char digit, long digits, int significant) {
        return digits == 0 && digit == '0' ? significant : significant + 1;
    }

    private static double slow(char[] chars, int from, int to) {
        return Double.parseDouble(new String(chars, from, to - from));
    }
}
