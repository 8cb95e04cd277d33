package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>The folder is written by people outside: a file is read line by line and its rows stored in batches, so its
 * size costs no memory; a record longer than {@link CsvRecord#MAX_CHARS} is a bad row; a symbolic link is never
 * followed (it moves to {@code failed/} as it is), and {@code done/} and {@code failed/} must be real folders. A
 * rejected file is named in the log with its line, never quoted.
 */
public final class CsvFolderSource implements Source {
    /** Long enough for a copy to a network share to show progress in the modification time. */
    public static final Duration SETTLE = Duration.ofSeconds(5);
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final List<String> COLUMNS = List.of("datastream", "time", "value", "unit");
    /** A file of nothing but bad rows would flood the log; after this many, one line says how many more there were. */
    static final int REPORTED_ROWS_PER_FILE = 20;
    /** Observations handed to the cache at a time: a file of millions of rows is stored in slices of this. */
    static final int BATCH = 10_000;
    /** Datastreams one file may name: each is remembered while the file is read, so their number is capped. */
    static final int MAX_DATASTREAMS_PER_FILE = 10_000;
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
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(settledBefore)) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    // A link could show the log, and the cache, any file the ingest process may read.
                    fail(file, sink, "is a symbolic link, which the CSV folder does not follow");
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
                        && (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(entry))) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private void read(Path file, Sink sink) throws IOException {
        String fileName = SafeText.of(file.getFileName().toString());
        String failure;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            CsvRecord.Records records = new CsvRecord.Records(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), CsvRecord.MAX_CHARS);
            failure = read(fileName, records, sink);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (Unreadable e) {
            failure = e.getMessage();
        } catch (FileSystemException e) {
            // Opening without following links fails on a link put in place after the listing.
            failure = "could not be opened as a plain file";
        }
        if (failure != null) {
            fail(file, sink, failure);
        } else {
            move(file, DONE);
        }
    }

    /** Stores the file's good rows and reports its bad ones; says why the whole file is refused, or null. */
    private String read(String fileName, CsvRecord.Records records, Sink sink) throws IOException {
        CsvRecord header = next(records);
        if (header == null) {
            return "is empty: the first line must be the header " + String.join(",", COLUMNS);
        }
        Map<String, Integer> columns = columns(header);
        if (columns == null) {
            // The line is not quoted: whatever file it is, its content stays out of the log.
            return "has no header naming the columns " + String.join(",", COLUMNS) + " (comma-separated) on line " + header.line();
        }
        Map<String, String> units = new LinkedHashMap<>();
        Set<String> registered = new HashSet<>();
        List<Observation> batch = new ArrayList<>();
        int bad = 0;
        for (CsvRecord record = next(records); record != null; record = next(records)) {
            String problem = row(record, header.fields().size(), columns, units, batch);
            if (problem != null && ++bad <= REPORTED_ROWS_PER_FILE) {
                sink.problem(fileName + " line " + record.line() + ": " + problem + "; row skipped");
            }
            if (batch.size() == BATCH) {
                store(batch, units, registered, sink);
            }
        }
        if (bad > REPORTED_ROWS_PER_FILE) {
            sink.skipped(bad - REPORTED_ROWS_PER_FILE, fileName + ": " + (bad - REPORTED_ROWS_PER_FILE) + " more bad rows skipped");
        }
        store(batch, units, registered, sink);
        return null;
    }

    /** Registers the datastreams not registered yet, then hands on the batch: a datastream goes in before its rows. */
    private void store(List<Observation> batch, Map<String, String> units, Set<String> registered, Sink sink) throws IOException {
        for (Map.Entry<String, String> stream : units.entrySet()) {
            if (registered.add(stream.getKey())) {
                sink.datastream(new Datastream(name, stream.getKey(), null, stream.getKey(), stream.getKey(), "CSV export",
                        stream.getValue(), stream.getValue(), classification));
            }
        }
        if (!batch.isEmpty()) {
            sink.observations(List.copyOf(batch));
            batch.clear();
        }
    }

    private static CsvRecord next(CsvRecord.Records records) throws Unreadable {
        try {
            return records.next();
        } catch (CharacterCodingException e) {
            throw new Unreadable("is not UTF-8 text from line " + records.line() + " on (export it as \"CSV UTF-8\")");
        } catch (IOException e) {
            throw new Unreadable("could not be read from line " + records.line() + " on: " + SafeText.of(e.getMessage()));
        }
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
            return "unit '" + SafeText.of(unit) + "' of " + SafeText.of(datastream) + " differs from '" + SafeText.of(known)
                    + "' earlier in the file";
        }
        if (known == null && units.size() == MAX_DATASTREAMS_PER_FILE) {
            return String.format(Locale.ROOT, "a datastream more than the %,d one file may name", MAX_DATASTREAMS_PER_FILE);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeException e) {
            return hasNoOffset(time)
                    ? "time '" + SafeText.of(time, 60) + "' has no offset; add Z for UTC or the offset, as in 2024-05-01T12:00:00+02:00"
                    : "time '" + SafeText.of(time, 60) + "' is not an ISO-8601 time with offset, as in 2024-05-01T12:00:00+02:00";
        }
        try {
            // The cache keeps epoch milliseconds: a time past them would fail the file's write at every fetch.
            instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return "time '" + SafeText.of(time, 60) + "' is outside the range the cache can hold";
        }
        Observation observation;
        if (value.isEmpty()) {
            return "no value";
        } else if (NUMBER.matcher(value).matches()) {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                return "value " + SafeText.of(value, 60) + " is out of range";
            }
            observation = Observation.number(name, datastream, instant, number);
        } else if (DECIMAL_COMMA.matcher(value).matches()) {
            // Stored as text it would never be drawn as a number; the partner means a decimal point.
            return "value " + SafeText.of(value, 60) + " has a decimal comma; write " + SafeText.of(value.replace(',', '.'), 60);
        } else if (NOT_A_NUMBER.matcher(value).matches()) {
            return "value " + SafeText.of(value, 60) + " is not a measurement; leave the row out";
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
        sink.problem(SafeText.of(file.getFileName().toString()) + " " + why + "; moved it to " + SafeText.of(folder.relativize(moved).toString()));
    }

    /** Moves the file into the subfolder under a name not taken there yet: an earlier file of that name stays. */
    private Path move(Path file, String subfolder) throws IOException {
        Path target = folder.resolve(subfolder);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            // A link here would move the partner's files wherever it points.
            throw new IOException(target + " is not a folder (a symbolic link is not followed); make it one, or move it away");
        }
        Files.createDirectories(target);
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = fileName.substring(0, dot);
        String extension = fileName.substring(dot);
        Path destination = target.resolve(fileName);
        for (int n = 2; Files.exists(destination, LinkOption.NOFOLLOW_LINKS); n++) {
            destination = target.resolve(stem + "-" + n + extension);
        }
        try {
            return Files.move(file, destination);
        } catch (IOException e) {
            throw new IOException("cannot move " + file + " to " + destination + ": " + SafeText.of(e.getMessage()), e);
        }
    }

    /** Why a file could not be read on: it moves to failed/, and the rows stored before the break stay. */
    private static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }
}
