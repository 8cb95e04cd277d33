package de.dormagentwin.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The last line of defence between outside text and the operator's terminal: every byte the command line writes
 * passes here, and the C0 control characters other than newline and tab (and DEL) come out as visible escapes.
 * Messages already pass names and ids through {@code SafeText}; this guard makes sure that a message that forgot to,
 * or an exception that quotes a file or a server, still cannot send an escape sequence that clears the screen,
 * moves the cursor or retitles the window. Multi-byte UTF-8 never contains these bytes, so text stays intact.
 */
final class ConsoleGuard extends FilterOutputStream {
    private static final boolean CARRIAGE_RETURN_ENDS_LINES = System.lineSeparator().indexOf('\r') >= 0;

    private ConsoleGuard(OutputStream out) {
        super(out);
    }

    static PrintStream guard(PrintStream stream) {
        return new PrintStream(new ConsoleGuard(stream), true, StandardCharsets.UTF_8);
    }

    static boolean isSafe(int b) {
        return b >= 0x20 && b != 0x7F || b < 0 || b == '\n' || b == '\t' || b == '\r' && CARRIAGE_RETURN_ENDS_LINES;
    }

    @Override
    public void write(int b) throws IOException {
        if (isSafe((byte) b)) {
            out.write(b);
        } else {
            out.write(String.format("\\u%04X", b & 0xFF).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int run = offset;
        for (int i = offset; i < offset + length; i++) {
            if (!isSafe(bytes[i])) {
                out.write(bytes, run, i - run);
                write(bytes[i]);
                run = i + 1;
            }
        }
        out.write(bytes, run, offset + length - run);
    }
}
