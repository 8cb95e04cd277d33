package de.dormagentwin.model.text;

/**
 * Text from outside (a feed's names, a file's ids, an exception's message that quotes them) made safe to write to a
 * log, a terminal or a screen: control and bidirectional formatting characters are shown as escapes, so a feed
 * cannot forge a log line, move the cursor, clear the terminal or reverse what a reader sees; and the length is
 * capped, so one value cannot flood a log.
 */
public final class SafeText {
    /** Enough for any id or name a person would read; longer text is cut and says how much was cut. */
    public static final int DEFAULT_LIMIT = 200;

    private SafeText() {
    }

    /** {@code text} with control characters escaped, cut after {@link #DEFAULT_LIMIT} characters; null as "null". */
    public static String of(String text) {
        return of(text, DEFAULT_LIMIT);
    }

    /** {@code text} with control characters escaped, cut after {@code limit} characters (code points). */
    public static String of(String text, int limit) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 16);
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            if (shown == limit) {
                out.append("…(").append(text.codePointCount(i, text.length())).append(" more)");
                break;
            }
            int c = text.codePointAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isUnsafe(c)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += Character.charCount(c);
            shown++;
        }
        return out.toString();
    }

    /** Control, format (bidi overrides, zero-width), line and paragraph separators, lone surrogates, unassigned. */
    private static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }
}
