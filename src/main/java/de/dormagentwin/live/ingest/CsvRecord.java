package de.dormagentwin.live.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One record of a CSV text as RFC 4180 writes it: comma-separated fields, each optionally in double quotes, a
 * doubled quote for a quote inside, line breaks allowed inside quotes. {@code line} is where the record starts,
 * for messages; {@code problem} says why it is malformed (null when it is not), so that a bad record is reported
 * and the ones after it are still read.
 */
record CsvRecord(int line, List<String> fields, String problem) {
    /**
     * The most characters of one record: far above any row of datastream, time, value and unit, and small enough
     * that a file of one endless line (or an unclosed quote) costs a bad row, not the heap.
     */
    static final int MAX_CHARS = 64 * 1024;

    CsvRecord {
        fields = List.copyOf(fields);
    }

    /**
     * Reads records one at a time, so a file is never held whole: memory stays at one record, of at most
     * {@code maxChars} characters. A longer record is returned as a bad one, without fields, and reading goes on at
     * the next line.
     */
    static final class Records {
        private final Reader in;
        private final int maxChars;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private int line = 1;
        private boolean started;

        Records(Reader in, int maxChars) {
            this.in = in;
            this.maxChars = maxChars;
        }

        /** The line the reader has come to: where a read that failed broke off. */
        int line() {
            return line;
        }

        /** The next record that is not blank, or null at the end of the text; spaces around unquoted fields trimmed. */
        CsvRecord next() throws IOException {
            if (!started) {
                started = true;
                if (peek() == '\uFEFF') {
                    read();
                }
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int recordLine = line;
            int length = 0;
            boolean inQuotes = false;
            boolean quoted = false;
            boolean blank = true;
            // The length of a quoted field at its closing quote: spaces after it are not part of the field.
            int quotedLength = 0;
            String problem = null;
            while (true) {
                int c = read();
                if (c < 0) {
                    if (inQuotes) {
                        problem = problem != null ? problem : "a quote opened on line " + recordLine + " is never closed";
                        quotedLength = field.length();
                    }
                    if (fields.isEmpty() && !quoted && blank) {
                        return null;
                    }
                    fields.add(quoted ? field.substring(0, quotedLength) : field.toString().strip());
                    return new CsvRecord(recordLine, fields, problem);
                }
                if (++length > maxChars) {
                    skipLine(c);
                    return new CsvRecord(recordLine, List.of(),
                            String.format(Locale.ROOT, "longer than %,d characters", maxChars));
                }
                if (inQuotes) {
                    if (c == '"' && peek() == '"') {
                        read();
                        field.append('"');
                    } else if (c == '"') {
                        inQuotes = false;
                        quotedLength = field.length();
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                    continue;
                }
                switch (c) {
                    case ',' -> {
                        fields.add(quoted ? field.substring(0, quotedLength) : field.toString().strip());
                        field.setLength(0);
                        quoted = false;
                        blank = true;
                    }
                    case '\n' -> {
                        line++;
                        if (fields.isEmpty() && !quoted && blank) {
                            field.setLength(0);
                            recordLine = line;
                            length = 0;
                            continue;
                        }
                        fields.add(quoted ? field.substring(0, quotedLength) : field.toString().strip());
                        return new CsvRecord(recordLine, fields, problem);
                    }
                    case '"' -> {
                        if (!quoted && blank) {
                            field.setLength(0);
                            quoted = true;
                            inQuotes = true;
                        } else {
                            if (problem == null) {
                                problem = "a quote inside an unquoted field (quote the whole field, doubling inner quotes)";
                            }
                            field.append('"');
                            blank = false;
                        }
                    }
                    default -> {
                        boolean space = Character.isWhitespace(c);
                        if (quoted && !space && problem == null) {
                            problem = "text after the closing quote of a field";
                        }
                        blank &= space;
                        field.append((char) c);
                    }
                }
            }
        }

        /** Passes over the rest of the physical line an over-long record is on; quotes no longer count there. */
        private void skipLine(int c) throws IOException {
            while (c >= 0 && c != '\n') {
                c = read();
            }
            if (c == '\n') {
                line++;
            }
        }

        /** The next character with line ends made {@code \n}, or -1 at the end. */
        private int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            char c = buffer[position++];
            if (c == '\r') {
                if (peek() == '\n') {
                    position++;
                }
                return '\n';
            }
            return c;
        }

        private int peek() throws IOException {
            return fill() ? buffer[position] : -1;
        }

        private boolean fill() throws IOException {
            while (position == limit) {
                int read = in.read(buffer);
                if (read < 0) {
                    return false;
                }
                position = 0;
                limit = read;
            }
            return true;
        }
    }
}
