package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A drop folder for data a partner exports by hand: every {@code *.csv} file in it with the header
 * {@code datastream,time,value,unit} (any order, any case). Each fetch reads the files there, stores their good rows
 * and reports each bad row with its file and line; then it moves the file to {@code done/}, or to {@code failed/}
 * when it could not be read at all (no header, not UTF-8). Files are never deleted, and never overwritten there.
 *
 * <p>The datastreams a file names are registered as it is read: remote id, name and observed property are the
 * {@code datastream} column, the unit is the {@code unit} column. They are {@link Classification#CONFIDENTIAL}
 * unless the folder is given another classification: a hand export is most likely CHEMPARK process data, and
 * nothing a file does not say may be shown beyond the people who hold it until someone decides otherwise.
 *
 * <p>A file modified within the last few seconds is left for the next fetch: while a copy is in progress its
 * modification time is the present, so a half-copied file is not read.
 */
public final class CsvFolderSource implements Source {
    /** Long enough for a copy to a network share to show progress in the modification time. */
    public static final Duration SETTLE = Duration.ofSeconds(5);
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final List<String> COLUMNS = List.of("datastream", "time", "value", "unit");
    /** A file of nothing but bad rows would flood the log; after this many, one line says how many more there were. */
    static final int REPORTED_ROWS_PER_FILE = 20;
    /** Field limits of the cache's columns: a longer one is a bad row rather than a failed write of the whole file. */
    private static final int MAX_DATASTREAM = 200;
    private static final int MAX_UNIT = 50;
    private static final int MAX_TEXT = 2000;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final Path folder;
    private final Classification classification;
    private final Duration settle;
    private final Clock clock;
    private final String name;

    public CsvFolderSource(Path folder) {
        this(folder, Classification.CONFIDENTIAL, SETTLE, Clock.systemUTC());
    }

    public CsvFolderSource(Path folder, Classification classification, Duration settle, Clock clock) {
        this.folder = folder;
        this.classification = classification;
        this.settle = settle;
        this.clock = clock;
        this.name = "csv " + folder;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Reads every settled CSV file in the folder. A failing cache write is thrown and leaves the file where it is,
     * to be read again (the cache stores a row twice as one); a bad file is reported and moved, never thrown.
     */
    @Override
    public void fetch(Sink sink) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the CSV drop folder " + folder + " does not exist or is not a folder");
        }
        Instant settledBefore = clock.instant().minus(settle);
        for (Path file : csvFiles()) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(settledBefore)) {
                    continue;
                }
                read(file, sink);
            } catch (NoSuchFileException e) {
                // Taken away between listing and reading (by the partner, or another reader): nothing to do.
            }
        }
    }

    private List<Path> csvFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                // Dot files and "~$" are editors' lock and temporary files, not exports.
                if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv") && !fileName.startsWith(".") && !fileName.startsWith("~$")
                        && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private void read(Path file, Sink sink) throws IOException {
        String fileName = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            fail(file, sink, "is not UTF-8 text (export it as \"CSV UTF-8\")");
            return;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            fail(file, sink, "could not be read: " + e.getMessage());
            return;
        }
        List<CsvRecord> records = CsvRecord.parse(text);
        if (records.isEmpty()) {
            fail(file, sink, "is empty: the first line must be the header " + String.join(",", COLUMNS));
            return;
        }
        CsvRecord header = records.get(0);
        Map<String, Integer> columns = columns(header);
        if (columns == null) {
            fail(file, sink, "has the header '" + String.join(",", header.fields()) + "' on line " + header.line()
                    + "; it must name the columns " + String.join(",", COLUMNS) + " (comma-separated)");
            return;
        }
        Map<String, String> units = new LinkedHashMap<>();
        List<Observation> observations = new ArrayList<>();
        int bad = 0;
        for (CsvRecord record : records.subList(1, records.size())) {
            String problem = row(record, header.fields().size(), columns, units, observations);
            if (problem != null && ++bad <= REPORTED_ROWS_PER_FILE) {
                sink.problem(fileName + " line " + record.line() + ": " + problem + "; row skipped");
            }
        }
        if (bad > REPORTED_ROWS_PER_FILE) {
            sink.problem(fileName + ": " + (bad - REPORTED_ROWS_PER_FILE) + " more bad rows skipped");
        }
        for (Map.Entry<String, String> stream : units.entrySet()) {
            sink.datastream(new Datastream(name, stream.getKey(), null, stream.getKey(), stream.getKey(), "CSV export",
                    stream.getValue(), stream.getValue(), classification));
        }
        if (!observations.isEmpty()) {
            sink.observations(observations);
        }
        move(file, DONE);
    }

    /** Where each required column is, or null when the header lacks one. */
    private static Map<String, Integer> columns(CsvRecord header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String column = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(column)) {
                columns.putIfAbsent(column, i);
            }
        }
        return columns.size() == COLUMNS.size() ? columns : null;
    }

    /** Adds the row's observation, or says what is wrong with it. */
    private String row(CsvRecord record, int width, Map<String, Integer> columns, Map<String, String> units,
                       List<Observation> observations) {
        if (record.problem() != null) {
            return record.problem();
        }
        if (record.fields().size() != width) {
            return record.fields().size() + " fields where the header has " + width;
        }
        String datastream = record.fields().get(columns.get("datastream")).trim();
        String time = record.fields().get(columns.get("time")).trim();
        String value = record.fields().get(columns.get("value")).trim();
        String unit = record.fields().get(columns.get("unit")).trim();
        if (datastream.isEmpty()) {
            return "no datastream";
        }
        if (datastream.length() > MAX_DATASTREAM) {
            return "datastream name longer than " + MAX_DATASTREAM + " characters";
        }
        if (unit.length() > MAX_UNIT) {
            return "unit longer than " + MAX_UNIT + " characters";
        }
        String known = units.get(datastream);
        if (known != null && !known.equals(unit)) {
            return "unit '" + unit + "' of " + datastream + " differs from '" + known + "' earlier in the file";
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeException e) {
            return hasNoOffset(time)
                    ? "time '" + time + "' has no offset; add Z for UTC or the offset, as in 2024-05-01T12:00:00+02:00"
                    : "time '" + time + "' is not an ISO-8601 time with offset, as in 2024-05-01T12:00:00+02:00";
        }
        Observation observation;
        if (value.isEmpty()) {
            return "no value";
        } else if (NUMBER.matcher(value).matches()) {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                return "value " + value + " is out of range";
            }
            observation = Observation.number(name, datastream, instant, number);
        } else if (DECIMAL_COMMA.matcher(value).matches()) {
            // Stored as text it would never be drawn as a number; the partner means a decimal point.
            return "value " + value + " has a decimal comma; write " + value.replace(',', '.');
        } else if (NOT_A_NUMBER.matcher(value).matches()) {
            return "value " + value + " is not a measurement; leave the row out";
        } else if (value.length() > MAX_TEXT) {
            return "text value longer than " + MAX_TEXT + " characters";
        } else {
            observation = Observation.text(name, datastream, instant, value);
        }
        units.put(datastream, unit);
        observations.add(observation);
        return null;
    }

    private static boolean hasNoOffset(String time) {
        try {
            LocalDateTime.parse(time);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void fail(Path file, Sink sink, String why) throws IOException {
        Path moved = move(file, FAILED);
        sink.problem(file.getFileName() + " " + why + "; moved it to " + folder.relativize(moved));
    }

    /** Moves the file into the subfolder under a name not taken there yet: an earlier file of that name stays. */
    private Path move(Path file, String subfolder) throws IOException {
        Path target = Files.createDirectories(folder.resolve(subfolder));
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = fileName.substring(0, dot);
        String extension = fileName.substring(dot);
        Path destination = target.resolve(fileName);
        for (int n = 2; Files.exists(destination); n++) {
            destination = target.resolve(stem + "-" + n + extension);
        }
        try {
            return Files.move(file, destination);
        } catch (IOException e) {
            throw new IOException("cannot move " + file + " to " + destination + ": " + e.getMessage(), e);
        }
    }
}
