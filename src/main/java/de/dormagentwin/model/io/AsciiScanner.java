package de.dormagentwin.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads whitespace-separated numbers and words from ASCII text, counting lines, without making a String per
 * number: a DGM1 tile has a million lines. Spaces, tabs, carriage returns and the extra separators given (a comma
 * for XYZ exports) separate tokens; a line feed ends a line. Problems are reported as
 * {@code source:line: what was expected, found 'token'}.
 */
final class AsciiScanner {
    /** Exact powers of ten: a decimal of up to 15 significant digits divided by one is the nearest double to it. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};
    /** What {@link Double#parseDouble} may be given: it also takes "NaN", "Infinity" and hex, which no grid file means. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** Longer tokens are cut short in messages; no number in a grid file comes near this. */
    private static final int LONGEST_TOKEN = 64;
    private static final int LINE_FEED = '\n';
    private static final int END = -1;

    private final InputStream in;
    private final String source;
    private final String separators;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] token = new byte[LONGEST_TOKEN];
    private int tokenLength;
    private boolean tokenCut;
    private int position;
    private int limit;
    private int line = 1;

    AsciiScanner(InputStream in, String source, String separators) {
        this.in = in;
        this.source = source;
        this.separators = separators;
    }

    int line() {
        return line;
    }

    /** Skips separators and empty lines; false at the end of the input. */
    boolean skipToToken() throws IOException {
        while (true) {
            int next = peekOnLine();
            if (next == LINE_FEED) {
                position++;
                line++;
            } else {
                return next != END;
            }
        }
    }

    /** Consumes the rest of this line, which must be empty, and its line feed. */
    void endLine(String expected) throws IOException {
        int next = peekOnLine();
        if (next == LINE_FEED) {
            position++;
            line++;
        } else if (next != END) {
            throw problem("expected " + expected + ", found '" + word() + "'");
        }
    }

    /** Whether the next token on this line starts like a number: a digit, a sign or a decimal point. */
    boolean numberNext() throws IOException {
        int next = peekOnLine();
        return next >= '0' && next <= '9' || next == '-' || next == '+' || next == '.';
    }

    /** The next token on this line as text, for header words, which are few; empty at the line's end. */
    String word() throws IOException {
        readToken();
        return tokenText();
    }

    /**
     * The next number on this line. A plain decimal is read digit by digit; one with an exponent, or with more
     * digits than a double holds exactly, goes to {@link Double#parseDouble}.
     */
    double number(String expected) throws IOException {
        readToken();
        if (tokenLength == 0) {
            throw problem("expected " + expected + ", found the end of the " + (peek() == END ? "file" : "line"));
        }
        int index = 0;
        boolean negative = token[0] == '-';
        if (negative || token[0] == '+') {
            index++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        boolean plain = !tokenCut && index < tokenLength;
        for (; index < tokenLength && plain; index++) {
            byte c = token[index];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits += mantissa == 0 ? 0 : 1;
                decimals += point ? 1 : 0;
                plain = digits <= 15 && decimals < POWERS_OF_TEN.length;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                plain = false;
            }
        }
        boolean hasDigit = tokenLength > (negative || token[0] == '+' ? 1 : 0) + (point ? 1 : 0);
        if (plain && hasDigit) {
            double value = mantissa / POWERS_OF_TEN[decimals];
            return negative ? -value : value;
        }
        String text = tokenText();
        if (!tokenCut && DECIMAL.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        }
        throw problem("expected " + expected + ", found '" + text + (tokenCut ? "...'" : "'"));
    }

    IOException problem(String message) {
        return new IOException(source + ":" + line + ": " + message);
    }

    /** Reads the next token on this line into {@link #token}; none (length 0) at the line's end. */
    private void readToken() throws IOException {
        peekOnLine();
        tokenLength = 0;
        tokenCut = false;
        while (true) {
            int next = peek();
            if (next == END || isBreak(next)) {
                return;
            }
            if (tokenLength < LONGEST_TOKEN) {
                token[tokenLength++] = (byte) next;
            } else {
                tokenCut = true;
            }
            position++;
        }
    }

    private String tokenText() {
        return new String(token, 0, tokenLength, StandardCharsets.ISO_8859_1);
    }

    /** Skips separators on this line; the next byte, a line feed at the line's end, or -1 at the end of the input. */
    private int peekOnLine() throws IOException {
        while (true) {
            int next = peek();
            if (next != END && next != LINE_FEED && isBreak(next)) {
                position++;
            } else {
                return next;
            }
        }
    }

    private int peek() throws IOException {
        if (position == limit) {
            position = 0;
            limit = Math.max(0, in.read(buffer));
        }
        return position == limit ? END : buffer[position] & 0xFF;
    }

    private boolean isBreak(int c) {
        return c == LINE_FEED || c == ' ' || c == '\t' || c == '\r' || separators.indexOf(c) >= 0;
    }
}
