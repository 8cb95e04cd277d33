package de.dormagentwin.live.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of a CSV text as RFC 4180 writes it: comma-separated fields, each optionally in double quotes, a
 * doubled quote for a quote inside, line breaks allowed inside quotes. {@code line} is where the record starts,
 * for messages; {@code problem} says why it is malformed (null when it is not), so that a bad record is reported
 * and the ones after it are still read.
 */
record CsvRecord(int line, List<String> fields, String problem) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    /** The records of a text, blank lines left out; spaces around unquoted fields are trimmed, quoted ones kept. */
    static List<CsvRecord> parse(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        Parser parser = new Parser();
        for (int i = 0; i < normalized.length(); i++) {
            parser.accept(normalized.charAt(i), i + 1 < normalized.length() ? normalized.charAt(i + 1) : 0);
        }
        parser.end();
        return parser.records;
    }

    private static final class Parser {
        final List<CsvRecord> records = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int line = 1;
        private int recordLine = 1;
        private boolean inQuotes;
        private boolean quoted;
        /** The length of a quoted field at its closing quote: spaces after it are not part of the field. */
        private int quotedLength;
        /** Set after the second of a doubled quote, which is consumed with the first. */
        private boolean skipNext;
        private String problem;

        void accept(char c, char next) {
            if (skipNext) {
                skipNext = false;
                return;
            }
            if (inQuotes) {
                if (c == '"' && next == '"') {
                    field.append('"');
                    skipNext = true;
                } else if (c == '"') {
                    inQuotes = false;
                    quotedLength = field.length();
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                return;
            }
            switch (c) {
                case ',' -> endField();
                case '\n' -> {
                    endRecord();
                    line++;
                    recordLine = line;
                }
                case '"' -> {
                    if (!quoted && field.toString().isBlank()) {
                        field.setLength(0);
                        quoted = true;
                        inQuotes = true;
                    } else {
                        noteProblem("a quote inside an unquoted field (quote the whole field, doubling inner quotes)");
                        field.append(c);
                    }
                }
                default -> {
                    if (quoted && !Character.isWhitespace(c)) {
                        noteProblem("text after the closing quote of a field");
                    }
                    field.append(c);
                }
            }
        }

        void end() {
            if (inQuotes) {
                noteProblem("a quote opened on line " + recordLine + " is never closed");
                inQuotes = false;
                quotedLength = field.length();
            }
            endRecord();
        }

        private void noteProblem(String message) {
            if (problem == null) {
                problem = message;
            }
        }

        private void endField() {
            fields.add(quoted ? field.substring(0, quotedLength) : field.toString().strip());
            field.setLength(0);
            quoted = false;
        }

        private void endRecord() {
            boolean blank = fields.isEmpty() && !quoted && field.toString().isBlank();
            if (!blank) {
                endField();
                records.add(new CsvRecord(recordLine, fields, problem));
            }
            fields.clear();
            field.setLength(0);
            quoted = false;
            problem = null;
        }
    }
}
