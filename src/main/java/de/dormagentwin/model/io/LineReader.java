package de.dormagentwin.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits bytes into lines at line feeds, without decoding them: each line goes to a JSON parser as it is, so a
 * broken byte in one line cannot shift the next. One line is held at a time.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private int length;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next line, without its line feed; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                position = 0;
                limit = Math.max(0, in.read(buffer));
                if (limit == 0) {
                    return any;
                }
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            append(position, end);
            if (end < limit) {
                position = end + 1;
                return true;
            }
            position = limit;
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the line holds only spaces, tabs and a carriage return. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }
}
