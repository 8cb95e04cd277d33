package de.dormagentwin.live.store;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.model.text.SafeText;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local cache of live data: an H2 file database shaped like SensorThings. One writer (the ingest service) and
 * any number of readers (the viewer, the command line), each read on a connection of its own.
 *
 * <p>Writes are batched and idempotent: an observation is keyed by (datastream, phenomenon time), so the same one
 * stored twice is one row, and a newer result for it replaces the old one.
 */
public final class LiveStore implements AutoCloseable {
    /** H2 adds {@code .mv.db}. */
    static final String DATABASE_NAME = "live";
    static final String DATABASE_FILE = DATABASE_NAME + ".mv.db";
    private static final List<String> MIGRATIONS = List.of("V1__sensorthings.sql", "V2__usual_interval.sql", "V3__rejected_and_classified.sql",
            "V4__source_state.sql");
    /** The longest datastream or thing id the cache keeps: its remote_id columns. */
    public static final int MAX_ID_LENGTH = 255;
    /**
     * How far ahead of the cache's clock an observation may be dated: clocks drift and time zones get mixed up by an
     * hour or two, but a value from next week is a bad value, and stored it would be the newest for good.
     */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    private static final int MAX_TEXT = 2_000;
    private static final int BATCH_SIZE = 1_000;
    private static final int DELETE_CHUNK = 10_000;
    static final String USER = "twin";
    /** H2 starts an encrypted file with this header; an unencrypted one starts with "H:2". */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    /** H2's encrypted file starts with a header block of this size; a shorter file it takes for new and overwrites. */
    private static final int ENCRYPTION_BLOCK = 4096;
    private static final System.Logger LOG = System.getLogger(LiveStore.class.getName());

    private final Path folder;
    private final Clock clock;
    private final Connection writer;
    private final Readers readers;
    private final Map<String, Long> datastreamIds = new HashMap<>();
    private boolean closed;
    private Path movedAside;
    private volatile CacheException diskFull;

    /** {@code writer} is null where this process reads through the service that writes ({@link #throughService}). */
    private LiveStore(Path folder, Clock clock, Connection writer, Readers readers) {
        this.folder = folder;
        this.clock = clock;
        this.writer = writer;
        this.readers = readers;
    }

    /**
     * Opens the cache in {@code folder}, creating it if needed. With a password the file is encrypted (AES). A file
     * that will not open is moved aside, never deleted, and a fresh cache is built, and a warning logged. A
     * wrong password or a cache in use by another process is an error, and moves nothing.
     */
    public static LiveStore open(Path folder, char[] password, Clock clock) throws CacheException {
        return open(folder, password, clock, "");
    }

    /**
     * As {@link #open(Path, char[], Clock)}, through one of H2's file systems ({@code fileSystem} is its
     * prefix, such as "nio:"): tests run a real H2 on a real file through a wrapper that runs out of space.
     */
    static LiveStore open(Path folder, char[] password, Clock clock, String fileSystem) throws CacheException {
        refuseUnsafeFolder(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CacheException("cannot create the cache folder " + folder + ": " + e.getMessage(), e);
        }
        checkEncryptionMatches(folder, password);
        try {
            return connect(folder, password, clock, fileSystem);
        } catch (SQLException e) {
            if (!isDamage(e)) {
                throw explain(folder, password, e);
            }
            Path aside = moveAside(folder, clock);
            LOG.log(System.Logger.Level.WARNING, "cache " + folder.resolve(DATABASE_FILE) + " would not open (" + firstLine(e) + "); moved it to "
                    + aside.getFileName() + " and started a fresh cache", e);
            try {
                LiveStore fresh = connect(folder, password, clock, fileSystem);
                fresh.movedAside = aside;
                return fresh;
            } catch (SQLException again) {
                throw explain(folder, password, again);
            }
        }
    }

    public static LiveStore open(Path folder, char[] password) throws CacheException {
        return open(folder, password, Clock.systemUTC());
    }

    /**
     * The folder goes into H2's URL as text, and H2 takes everything after the URL's first ';' as settings (an
     * {@code INIT=RUNSCRIPT FROM ...} there runs SQL, and SQL can define Java functions). H2 has no way to escape a
     * ';' in a file name, so such a folder is refused. The rest of an absolute path is read literally ('=', quotes,
     * spaces, any letters), with one exception: H2 reads '\' as a folder separator, so where it is not one (Unix) it
     * would open another folder than the one named. Prefixes such as {@code ~}, {@code split:} or {@code nio:}
     * only count at the start of the name, which is always the absolute path's root here.
     */
    static void refuseUnsafeFolder(Path folder) throws CacheException {
        String path = folder.toAbsolutePath().toString();
        String unsafe = path.indexOf(';') >= 0 ? "';'" : File.separatorChar != '\\' && path.indexOf('\\') >= 0 ? "'\\'" : null;
        if (unsafe != null) {
            throw new CacheException("the cache folder " + SafeText.of(path, 500) + " has " + unsafe + " in its path, which the "
                    + "database would read as more than a folder name; use another --cache folder", null);
        }
    }

    private static LiveStore connect(Path folder, char[] password, Clock clock, String fileSystem) throws SQLException {
        // No live.trace.db: H2 would write its errors there, beside the cache, growing on a full disk and read by no
        // one; what failed reaches the user in this class's messages.
        String url = "jdbc:h2:file:" + fileSystem + folder.resolve(DATABASE_NAME).toAbsolutePath()
                + (password == null ? "" : ";CIPHER=AES") + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        String secret = secret(password);
        Connection writer = DriverManager.getConnection(url, USER, secret);
        try {
            migrate(writer);
            writer.setAutoCommit(false);
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, secret);
            return new LiveStore(folder, clock, writer, new Readers() {
                @Override
                public Connection get() throws SQLException {
                    return pool.getConnection();
                }

                @Override
                public void close() {
                    pool.dispose();
                }
            });
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** H2's encrypted files take "filePassword userPassword"; the user password guards nothing more here. */
    static String secret(char[] password) {
        return password == null ? "" : new String(password) + " " + USER;
    }

    /**
     * The cache in {@code folder} as read through the {@code twin serve} that holds it ({@link ServiceFile}): reads
     * only, each through the service; while the service is away reads fail, and the first after its return (on any
     * port) works again. Nothing is checked here: the first read says whether the service answers.
     */
    public static LiveStore throughService(Path folder, char[] password, Clock clock) {
        return new LiveStore(folder, clock, null, new ServiceReaders(folder, password));
    }

    /** The name H2 knows the open database by, as its embedded URL gave it. */
    String databaseName() {
        return folder.resolve(DATABASE_NAME).toAbsolutePath().toString();
    }

    private static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int current;
            try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rows.next();
                current = rows.getInt(1);
            }
            if (current > MIGRATIONS.size()) {
                throw new SQLException("the cache has schema version " + current + ", newer than this program knows ("
                        + MIGRATIONS.size() + "); use a newer Dormagen Twin or another --cache folder");
            }
            for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                statement.execute("RUNSCRIPT FROM 'classpath:/de/dormagentwin/live/store/" + MIGRATIONS.get(version - 1) + "'");
                statement.execute("INSERT INTO schema_version VALUES (" + version + ")");
            }
        }
    }

    /** Whether the file itself is damaged (then it is moved aside), rather than locked, or opened with the wrong key. */
    static boolean isDamage(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.GENERAL_ERROR_1 || code == ErrorCode.IO_EXCEPTION_1
                || code == ErrorCode.IO_EXCEPTION_2 || code == ErrorCode.FILE_VERSION_ERROR_1;
    }

    static CacheException explain(Path folder, char[] password, SQLException e) {
        Path file = folder.resolve(DATABASE_FILE);
        return switch (e.getErrorCode()) {
            case ErrorCode.WRONG_USER_OR_PASSWORD, ErrorCode.FILE_ENCRYPTION_ERROR_1 ->
                    new CacheException("wrong password for the encrypted cache " + file, e);
            case ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                    new CacheException("the cache " + file + " is in use by another Dormagen Twin process", e);
            default -> new CacheException("cannot open the cache " + file + ": " + firstLine(e), e);
        };
    }

    /**
     * An encrypted cache opened without a password (or the other way round) would look damaged: say what it is.
     * With a password, H2 also silently writes a fresh encrypted cache over any file shorter than its encryption
     * header block, so a cut-short cache is refused rather than replaced.
     */
    static void checkEncryptionMatches(Path folder, char[] password) throws CacheException {
        Path file = folder.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(ENCRYPTED_HEADER.length);
        } catch (IOException e) {
            throw new CacheException("cannot read the cache " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            // Nothing was ever written: H2 starts a cache in it as asked, and nothing is lost.
            return;
        }
        // A header cut short still says which kind the file was.
        boolean encrypted = head.length >= 2 && Arrays.equals(head, 0, head.length, ENCRYPTED_HEADER, 0, head.length);
        boolean plain = head.length >= 2 && head[0] == 'H' && head[1] == ':';
        if (encrypted && password == null) {
            throw new CacheException("the cache " + file + " is encrypted: give its password in the configuration or in "
                    + CachePassword.ENVIRONMENT_VARIABLE, null);
        }
        if (plain && password != null) {
            throw new CacheException("the cache " + file + " is not encrypted, but a password was given; use another "
                    + "--cache folder for an encrypted cache", null);
        }
        if (password != null && size < ENCRYPTION_BLOCK) {
            throw new CacheException("the cache " + file + " is cut short (" + size + " bytes) and would be overwritten by a new "
                    + "encrypted cache; move it away or use another --cache folder", null);
        }
    }

    private static Path moveAside(Path folder, Clock clock) throws CacheException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
        Path file = folder.resolve(DATABASE_FILE);
        Path aside = folder.resolve(DATABASE_FILE + ".broken-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = folder.resolve(DATABASE_FILE + ".broken-" + stamp + "-" + n);
        }
        try {
            Files.move(file, aside);
            return aside;
        } catch (IOException e) {
            throw new CacheException("the cache " + file + " would not open and could not be moved aside: " + e.getMessage(), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Where {@link #open} moved a cache file that would not open, if it did: this cache is a fresh, empty one, and
     * whoever opened it should say so louder than a log line.
     */
    public Optional<Path> movedAside() {
        return Optional.ofNullable(movedAside);
    }

    /** Only the process that holds the file writes; a viewer reading through the service asks it nothing of the kind. */
    private void requireWriter() throws CacheException {
        if (writer == null) {
            throw new CacheException("this process reads the cache " + folder.resolve(DATABASE_FILE)
                    + " through twin serve, which alone writes it", null);
        }
    }

    /** Whether this process reads through {@code twin serve} rather than holding the file itself. */
    public boolean readsThroughService() {
        return writer == null;
    }

    // ---- writing: one writer thread -------------------------------------------------------------------------

    /**
     * Why the cache would not take this thing (a text longer than its column), or empty. A source's sink asks first,
     * so that one bad thing is skipped and counted rather than failing the fetch.
     */
    public static Optional<String> problemWith(Thing thing) {
        return tooLong("Thing", thing.remoteId(), List.of(
                new Field("id", thing.remoteId(), MAX_ID_LENGTH), new Field("name", thing.name(), 500),
                new Field("description", thing.description(), 2_000), new Field("objectId", thing.objectId(), 200),
                new Field("properties", Json.write(thing.properties()), 10_000)));
    }

    /** As {@link #problemWith(Thing)}, for a datastream. */
    public static Optional<String> problemWith(Datastream datastream) {
        return tooLong("Datastream", datastream.remoteId(), List.of(
                new Field("id", datastream.remoteId(), MAX_ID_LENGTH), new Field("thing id", datastream.thingRemoteId(), MAX_ID_LENGTH),
                new Field("name", datastream.name(), 500), new Field("observed property", datastream.observedProperty(), 500),
                new Field("sensor", datastream.sensor(), 500), new Field("unit name", datastream.unitName(), 200),
                new Field("unit symbol", datastream.unitSymbol(), 50)));
    }

    private record Field(String name, String value, int limit) {
    }

    private static Optional<String> tooLong(String kind, String id, List<Field> fields) {
        for (Field field : fields) {
            if (field.value() != null && field.value().length() > field.limit()) {
                return Optional.of(kind + " " + SafeText.of(id, 60) + ": its " + field.name() + " has " + field.value().length()
                        + " characters, more than the " + field.limit() + " the cache keeps; skipped");
            }
        }
        return Optional.empty();
    }

    /** Stores or updates a thing and its location. */
    public synchronized void putThing(Thing thing) throws CacheException {
        requireWriter();
        Optional<String> problem = problemWith(thing);
        if (problem.isPresent()) {
            throw new CacheException(problem.get(), null);
        }
        long now = clock.millis();
        try (PreparedStatement merge = writer.prepareStatement("MERGE INTO thing (source, remote_id, name, description, "
                + "properties, object_id, fetched_at) KEY (source, remote_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            merge.setString(1, thing.source());
            merge.setString(2, thing.remoteId());
            merge.setString(3, thing.name());
            merge.setString(4, thing.description());
            merge.setString(5, Json.write(thing.properties()));
            merge.setString(6, thing.objectId());
            merge.setLong(7, now);
            merge.executeUpdate();
            long thingId = idOf("thing", thing.source(), thing.remoteId()).orElseThrow();
            if (thing.hasPosition()) {
                try (PreparedStatement location = writer.prepareStatement(
                        "MERGE INTO location (thing_id, longitude, latitude, fetched_at) KEY (thing_id) VALUES (?, ?, ?, ?)")) {
                    location.setLong(1, thingId);
                    location.setDouble(2, thing.longitudeDegrees());
                    location.setDouble(3, thing.latitudeDegrees());
                    location.setLong(4, now);
                    location.executeUpdate();
                }
            }
            writer.commit();
        } catch (SQLException e) {
            throw rollback("storing thing " + thing.remoteId() + " of " + thing.source(), e);
        }
    }

    /**
     * Stores or updates a datastream with its sensor and observed property; its thing, if any, must be stored first.
     * A datastream already stored keeps the stricter of its classification and the given one: a source may tighten
     * who sees a stream, never loosen it (that takes {@link #reclassify}), since a loosened stream shows its whole
     * history. A tightening is recorded as a classification change.
     */
    public synchronized long putDatastream(Datastream datastream) throws CacheException {
        requireWriter();
        Optional<String> problem = problemWith(datastream);
        if (problem.isPresent()) {
            throw new CacheException(problem.get(), null);
        }
        try {
            Optional<Classification> stored = storedClassification(datastream.source(), datastream.remoteId());
            Classification kept = stored.map(datastream.classification()::stricter).orElse(datastream.classification());
            long sensorId = ensureNamed("sensor", datastream.source(), datastream.sensor());
            long propertyId = ensureNamed("observed_property", null, datastream.observedProperty());
            Optional<Long> thingId = datastream.thingRemoteId() == null ? Optional.empty()
                    : idOf("thing", datastream.source(), datastream.thingRemoteId());
            try (PreparedStatement merge = writer.prepareStatement("MERGE INTO datastream (source, remote_id, thing_id, "
                    + "sensor_id, observed_property_id, name, unit_name, unit_symbol, classification, fetched_at) "
                    + "KEY (source, remote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                merge.setString(1, datastream.source());
                merge.setString(2, datastream.remoteId());
                if (thingId.isPresent()) {
                    merge.setLong(3, thingId.get());
                } else {
                    merge.setNull(3, Types.BIGINT);
                }
                merge.setLong(4, sensorId);
                merge.setLong(5, propertyId);
                merge.setString(6, datastream.name());
                merge.setString(7, datastream.unitName());
                merge.setString(8, datastream.unitSymbol());
                merge.setString(9, kept.word());
                merge.setLong(10, clock.millis());
                merge.executeUpdate();
            }
            long id = idOf("datastream", datastream.source(), datastream.remoteId()).orElseThrow();
            if (stored.isPresent() && stored.get() != kept) {
                recordClassificationChange(id, datastream.source(), datastream.remoteId(), stored.get(), kept, "ingest");
            }
            writer.commit();
            datastreamIds.put(key(datastream.source(), datastream.remoteId()), id);
            return id;
        } catch (SQLException e) {
            throw rollback("storing datastream " + datastream.remoteId() + " of " + datastream.source(), e);
        }
    }

    private Optional<Classification> storedClassification(String source, String remoteId) throws SQLException {
        try (PreparedStatement find = writer.prepareStatement("SELECT classification FROM datastream WHERE source = ? AND remote_id = ?")) {
            find.setString(1, source);
            find.setString(2, remoteId);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? Optional.of(Classification.parseOrConfidential(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * Kept in a table rather than only logged: who may see a stream is what the kiosk's promise rests on, and a
     * log scrolls away or was never kept. The revision moves too, so a reader polling for changes sees the stream
     * again (a kiosk to drop it, a planner to relabel it).
     */
    private void recordClassificationChange(long id, String source, String remoteId, Classification from, Classification to,
                                            String changedBy) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO classification_change (source, remote_id, "
                + "from_classification, to_classification, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement revision = writer.prepareStatement(
                     "UPDATE datastream SET revision = NEXT VALUE FOR revision_seq WHERE id = ?")) {
            insert.setString(1, source);
            insert.setString(2, remoteId);
            insert.setString(3, from.word());
            insert.setString(4, to.word());
            insert.setString(5, changedBy);
            insert.setLong(6, clock.millis());
            insert.executeUpdate();
            revision.setLong(1, id);
            revision.executeUpdate();
        }
    }

    /**
     * Sets a stored datastream's classification, looser or stricter, and records the change; what it was before, or
     * empty where the cache has no such datastream. For {@code twin cache classify}: the one way to loosen.
     */
    public synchronized Optional<Classification> reclassify(String source, String remoteId, Classification to) throws CacheException {
        requireWriter();
        try {
            Optional<Classification> from = storedClassification(source, remoteId);
            if (from.isPresent() && from.get() != to) {
                long id = idOf("datastream", source, remoteId).orElseThrow();
                try (PreparedStatement update = writer.prepareStatement("UPDATE datastream SET classification = ? WHERE id = ?")) {
                    update.setString(1, to.word());
                    update.setLong(2, id);
                    update.executeUpdate();
                }
                recordClassificationChange(id, source, remoteId, from.get(), to, "cache classify");
                writer.commit();
            }
            return from;
        } catch (SQLException e) {
            throw rollback("classifying datastream " + SafeText.of(remoteId) + " of " + SafeText.of(source), e);
        }
    }

    /** A stored datastream's classification, or empty where the cache has no such datastream. */
    public Optional<Classification> classification(String source, String remoteId) throws CacheException {
        try (Connection connection = readers.get();
             PreparedStatement query = connection.prepareStatement("SELECT classification FROM datastream WHERE source = ? AND remote_id = ?")) {
            query.setString(1, source);
            query.setString(2, remoteId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Classification.parseOrConfidential(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("reading the classification of " + SafeText.of(remoteId) + ": " + firstLine(e), e);
        }
    }

    /** The sources that have a datastream of this id, in order. */
    public List<String> sourcesOf(String datastreamRemoteId) throws CacheException {
        try (Connection connection = readers.get();
             PreparedStatement query = connection.prepareStatement("SELECT source FROM datastream WHERE remote_id = ? ORDER BY source")) {
            query.setString(1, datastreamRemoteId);
            List<String> sources = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sources.add(rows.getString(1));
                }
            }
            return sources;
        } catch (SQLException e) {
            throw new CacheException("looking up datastream " + SafeText.of(datastreamRemoteId) + ": " + firstLine(e), e);
        }
    }

    /** Every classification change, oldest first: "time source datastream from -> to (by)". */
    public List<String> classificationChanges() throws CacheException {
        try (Connection connection = readers.get();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT changed_at, source, remote_id, from_classification, "
                     + "to_classification, changed_by FROM classification_change ORDER BY id")) {
            List<String> changes = new ArrayList<>();
            while (rows.next()) {
                changes.add(Instant.ofEpochMilli(rows.getLong(1)) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4) + " -> " + rows.getString(5) + " (" + rows.getString(6) + ")");
            }
            return changes;
        } catch (SQLException e) {
            throw new CacheException("reading the classification changes: " + firstLine(e), e);
        }
    }

    /**
     * Adds {@code records} to the count of records a source skipped, kept in the cache so that {@code twin cache
     * stats} shows a source that keeps sending bad data, across runs.
     */
    public synchronized void countRejected(String source, long records, String lastProblem) throws CacheException {
        requireWriter();
        // 150 characters, each escaped to at most six, fit the column of 1000: a count never fails for its message.
        String problem = SafeText.of(lastProblem, 150);
        try (PreparedStatement update = writer.prepareStatement("UPDATE rejected_record SET records = records + ?, "
                + "last_problem = ?, last_at = ? WHERE source = ?")) {
            update.setLong(1, records);
            update.setString(2, problem);
            update.setLong(3, clock.millis());
            update.setString(4, source);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = writer.prepareStatement("INSERT INTO rejected_record (source, records, "
                        + "last_problem, last_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, source);
                    insert.setLong(2, records);
                    insert.setString(3, problem);
                    insert.setLong(4, clock.millis());
                    insert.executeUpdate();
                }
            }
            writer.commit();
        } catch (SQLException e) {
            throw rollback("counting rejected records of " + SafeText.of(source), e);
        }
    }

    /** Per source, the number of records it skipped or the cache refused, ever; sources with none are absent. */
    public Map<String, Long> rejected() throws CacheException {
        try (Connection connection = readers.get();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT source, records FROM rejected_record")) {
            Map<String, Long> counts = new TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new CacheException("reading the rejected records: " + firstLine(e), e);
        }
    }

    private long ensureNamed(String table, String source, String name) throws SQLException {
        String where = source == null ? "name = ?" : "source = ? AND name = ?";
        try (PreparedStatement find = writer.prepareStatement("SELECT id FROM " + table + " WHERE " + where)) {
            int i = 1;
            if (source != null) {
                find.setString(i++, source);
            }
            find.setString(i, name);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    return rows.getLong(1);
                }
            }
        }
        String columns = source == null ? "(name) VALUES (?)" : "(source, name) VALUES (?, ?)";
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO " + table + " " + columns, Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            if (source != null) {
                insert.setString(i++, source);
            }
            insert.setString(i, name);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private Optional<Long> idOf(String table, String source, String remoteId) throws SQLException {
        try (PreparedStatement find = writer.prepareStatement("SELECT id FROM " + table + " WHERE source = ? AND remote_id = ?")) {
            find.setString(1, source);
            find.setString(2, remoteId);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Stores observations, committing every thousand rows, so a crash loses at most the batch in flight. An
     * observation the cache will not take is not stored and is named in the result, and the rest are stored: one of
     * a datastream the cache does not know or whose id is too long, one dated more than {@link #MAX_AHEAD} after the
     * cache's clock or beyond what epoch milliseconds hold, a text longer than the cache keeps. A value from the
     * future is refused here, where every source passes, because stored it would stay the newest: every later
     * fetch would ask for what is newer than it, and get nothing.
     */
    public synchronized WriteResult write(List<Observation> observations) throws CacheException {
        requireWriter();
        long now = clock.millis();
        Instant latestAllowed = clock.instant().plus(MAX_AHEAD);
        int stored = 0;
        List<String> rejected = new ArrayList<>();
        Map<Long, Observation> newest = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        try (PreparedStatement merge = writer.prepareStatement("MERGE INTO observation (datastream_id, phenomenon_time, "
                + "result_number, result_text, fetched_at) KEY (datastream_id, phenomenon_time) VALUES (?, ?, ?, ?, ?)")) {
            int inBatch = 0;
            for (Observation observation : observations) {
                String problem = problemWith(observation, latestAllowed);
                if (problem != null) {
                    rejected.add(problem);
                    continue;
                }
                Long datastreamId = datastreamId(observation.source(), observation.datastreamRemoteId());
                if (datastreamId == null) {
                    rejected.add("observation at " + observation.phenomenonTime() + " of unknown datastream "
                            + SafeText.of(observation.datastreamRemoteId()) + " of " + SafeText.of(observation.source()) + "; skipped");
                    continue;
                }
                merge.setLong(1, datastreamId);
                merge.setLong(2, observation.phenomenonTime().toEpochMilli());
                if (observation.isNumber()) {
                    merge.setDouble(3, observation.number());
                    merge.setNull(4, Types.VARCHAR);
                } else {
                    merge.setNull(3, Types.DOUBLE);
                    merge.setString(4, observation.text());
                }
                merge.setLong(5, now);
                merge.addBatch();
                newest.merge(datastreamId, observation,
                        (a, b) -> b.phenomenonTime().isBefore(a.phenomenonTime()) ? a : b);
                counts.merge(datastreamId, 1, Integer::sum);
                if (++inBatch == BATCH_SIZE) {
                    stored += commitBatch(merge, newest, counts, latestAllowed.toEpochMilli());
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                stored += commitBatch(merge, newest, counts, latestAllowed.toEpochMilli());
            }
            return new WriteResult(stored, rejected);
        } catch (SQLException e) {
            throw rollback("storing observations", e);
        }
    }

    /** Why the cache will not store this observation, or null. */
    private static String problemWith(Observation observation, Instant latestAllowed) {
        String id = observation.datastreamRemoteId();
        if (id == null || id.length() > MAX_ID_LENGTH) {
            return "observation at " + observation.phenomenonTime() + " of a datastream id of " + (id == null ? 0 : id.length())
                    + " characters (" + SafeText.of(id, 60) + "), more than the " + MAX_ID_LENGTH + " the cache keeps; skipped";
        }
        Instant time = observation.phenomenonTime();
        try {
            time.toEpochMilli();
        } catch (ArithmeticException e) {
            return "Datastream " + SafeText.of(id) + ": observation at " + time + " is outside the times the cache can hold; skipped";
        }
        if (time.isAfter(latestAllowed)) {
            // No clock reading in the message: the same value sent again must read the same, to be told once.
            return "Datastream " + SafeText.of(id) + ": observation at " + time + " is more than " + MAX_AHEAD.toHours()
                    + " hours ahead of the cache's clock; skipped";
        }
        if (!observation.isNumber() && observation.text().length() > MAX_TEXT) {
            return "Datastream " + SafeText.of(id) + ": observation at " + time + " has a text of " + observation.text().length()
                    + " characters, more than the " + MAX_TEXT + " the cache keeps; skipped";
        }
        return null;
    }

    private int commitBatch(PreparedStatement merge, Map<Long, Observation> newest, Map<Long, Integer> counts, long latestAllowed)
            throws SQLException {
        int count = merge.executeBatch().length;
        // The usual interval: the time the batch's new observations of a stream advanced it, shared among them.
        // A latest value from the far future (stored before such values were refused) gives way to any good one.
        try (PreparedStatement latest = writer.prepareStatement("UPDATE datastream SET usual_interval = CASE "
                + "WHEN latest_time IS NOT NULL AND ? > latest_time THEN (? - latest_time) / ? ELSE usual_interval END, "
                + "latest_time = ?, latest_number = ?, latest_text = ?, revision = NEXT VALUE FOR revision_seq "
                + "WHERE id = ? AND (latest_time IS NULL OR latest_time <= ? OR latest_time > ?)")) {
            for (Map.Entry<Long, Observation> entry : newest.entrySet()) {
                Observation observation = entry.getValue();
                long time = observation.phenomenonTime().toEpochMilli();
                latest.setLong(1, time);
                latest.setLong(2, time);
                latest.setLong(3, counts.get(entry.getKey()));
                latest.setLong(4, time);
                if (observation.isNumber()) {
                    latest.setDouble(5, observation.number());
                } else {
                    latest.setNull(5, Types.DOUBLE);
                }
                latest.setString(6, observation.text());
                latest.setLong(7, entry.getKey());
                latest.setLong(8, time);
                latest.setLong(9, latestAllowed);
                latest.addBatch();
            }
            latest.executeBatch();
        }
        durableCommit();
        newest.clear();
        counts.clear();
        return count;
    }

    /**
     * Commits and puts the commit on disk before returning. H2 otherwise writes up to half a second later, and a
     * killed process lost committed batches. CHECKPOINT per batch costs little; WRITE_DELAY=0 was measured at half
     * the ingest rate and a file many times larger (docs/decisions/0005).
     */
    private void durableCommit() throws SQLException {
        writer.commit();
        try (Statement checkpoint = writer.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        }
    }

    private Long datastreamId(String source, String remoteId) throws SQLException {
        String key = key(source, remoteId);
        Long id = datastreamIds.get(key);
        if (id == null) {
            id = idOf("datastream", source, remoteId).orElse(null);
            if (id != null) {
                datastreamIds.put(key, id);
            }
        }
        return id;
    }

    private static String key(String source, String remoteId) {
        return source + '\u0000' + remoteId;
    }

    private CacheException rollback(String what, SQLException e) {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
        return failure(what, e);
    }

    /**
     * The failure as the user should read it. A full disk is one message with the path, every time: H2 closes the
     * database when a write fails, and each later call would otherwise say only "the database has been closed".
     * What was committed before stays in the file.
     */
    private CacheException failure(String what, SQLException e) {
        CacheException full = diskFull;
        if (full == null && isDiskFull(e)) {
            full = new CacheException("disk full: " + folder.resolve(DATABASE_FILE), e);
            diskFull = full;
        }
        if (full != null) {
            return new CacheException(full.getMessage(), full.getCause());
        }
        return new CacheException(what + ": " + firstLine(e), e);
    }

    /** ENOSPC and EDQUOT as the JDK words them; H2 wraps the IOException a few layers deep. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a write found the disk full; H2 has closed the database then, and only a new {@link #open} writes again. */
    public boolean isDiskFull() {
        return diskFull != null;
    }

    /**
     * Deletes observations older than {@code before}, datastream by datastream and in chunks (each an index range
     * scan), committing after each so that readers are never held up for long.
     */
    public synchronized long prune(Instant before) throws CacheException {
        requireWriter();
        long deleted = 0;
        try (Statement streams = writer.createStatement();
             PreparedStatement delete = writer.prepareStatement("DELETE FROM observation WHERE datastream_id = ? "
                     + "AND phenomenon_time < ? FETCH FIRST " + DELETE_CHUNK + " ROWS ONLY")) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = streams.executeQuery("SELECT id FROM datastream")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            for (long id : ids) {
                delete.setLong(1, id);
                delete.setLong(2, before.toEpochMilli());
                int chunk;
                do {
                    chunk = delete.executeUpdate();
                    writer.commit();
                    deleted += chunk;
                } while (chunk == DELETE_CHUNK);
            }
            return deleted;
        } catch (SQLException e) {
            throw rollback("pruning observations before " + before, e);
        }
    }

    // ---- reading: any thread, each call on a connection of its own ------------------------------------------

    private static final String LATEST_COLUMNS = "d.id, d.source, d.remote_id, t.remote_id, d.name, p.name, s.name, "
            + "d.unit_name, d.unit_symbol, d.classification, d.latest_time, d.latest_number, d.latest_text, d.revision, t.object_id, "
            + "d.usual_interval, l.longitude, l.latitude";
    private static final String LATEST_FROM = " FROM datastream d JOIN observed_property p ON p.id = d.observed_property_id "
            + "LEFT JOIN sensor s ON s.id = d.sensor_id LEFT JOIN thing t ON t.id = d.thing_id LEFT JOIN location l ON l.thing_id = t.id";

    /** The latest value of every datastream (time and value null where it has none yet). */
    public List<Latest> latest() throws CacheException {
        return changedSince(-1).values();
    }

    /** The datastreams whose latest value changed after {@code revision}, and the revision to ask with next time. */
    public Changes changedSince(long revision) throws CacheException {
        return changedSince(revision, EVERY_CLASSIFICATION);
    }

    /**
     * As {@link #changedSince(long)}, of the datastreams of the given classifications only: the others are not even
     * read (the kiosk asks for public ones).
     */
    public Changes changedSince(long revision, Set<Classification> visible) throws CacheException {
        try (Connection connection = readers.get();
             PreparedStatement query = connection.prepareStatement("SELECT " + LATEST_COLUMNS + LATEST_FROM
                     + " WHERE d.revision > ? AND " + classifiedAs(visible) + " ORDER BY d.id")) {
            query.setLong(1, revision);
            List<Latest> values = new ArrayList<>();
            long newest = Math.max(revision, 0);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Latest latest = latest(rows);
                    values.add(latest);
                    newest = Math.max(newest, latest.revision());
                }
            }
            return new Changes(values, newest);
        } catch (SQLException e) {
            throw failure("reading the latest values", e);
        }
    }

    private static final Set<Classification> EVERY_CLASSIFICATION = EnumSet.allOf(Classification.class);

    /** A condition on the datastream's classification; the words are the enum's own, so nothing is spliced in from outside. */
    private static String classifiedAs(Set<Classification> visible) {
        if (visible.isEmpty()) {
            return "FALSE";
        }
        return visible.stream().map(classification -> "'" + classification.word() + "'")
                .collect(Collectors.joining(", ", "d.classification IN (", ")"));
    }

    private static Latest latest(ResultSet rows) throws SQLException {
        Datastream datastream = new Datastream(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                // A word this program does not know (a newer one's, a hand edit) is shown to no one but planners.
                Classification.parseOrConfidential(rows.getString(10)));
        long time = rows.getLong(11);
        Instant at = rows.wasNull() ? null : Instant.ofEpochMilli(time);
        double number = rows.getDouble(12);
        if (rows.wasNull()) {
            number = Double.NaN;
        }
        long interval = rows.getLong(16);
        Duration usual = rows.wasNull() || interval <= 0 ? null : Duration.ofMillis(interval);
        // A thing with no object of its own is shown at its location, where it has one.
        String place = rows.getString(15);
        double longitude = rows.getDouble(17);
        if (place == null && !rows.wasNull()) {
            place = Place.point(longitude, rows.getDouble(18));
        }
        return new Latest(rows.getLong(1), datastream, place, at, number, rows.getString(13), rows.getLong(14), usual);
    }

    /** Look-back windows for {@link #asOf}, widest last: most streams report often, so the first finds nearly all. */
    private static final long[] AS_OF_WINDOWS = {3_600_000L, 86_400_000L, 32L * 86_400_000L};

    /**
     * The value of every datastream as of {@code time}: its last observation at or before it (time and value null
     * where there is none). History playback shows the city with these.
     *
     * <p>A stream whose latest value is not newer than {@code time} answers from the datastream table. The others
     * are looked up in one join per look-back window, each an index range of a few rows per stream; only a stream
     * silent for over a month before {@code time} costs a search of its own.
     */
    public List<Latest> asOf(Instant time) throws CacheException {
        return asOf(time, EVERY_CLASSIFICATION);
    }

    /** As {@link #asOf(Instant)}, of the datastreams of the given classifications only. */
    public List<Latest> asOf(Instant time, Set<Classification> visible) throws CacheException {
        long at = time.toEpochMilli();
        try (Connection connection = readers.get()) {
            List<Latest> streams = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + LATEST_COLUMNS + LATEST_FROM
                    + " WHERE " + classifiedAs(visible) + " ORDER BY d.id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    streams.add(latest(rows));
                }
            }
            Map<Long, Latest> answers = new HashMap<>();
            List<Long> open = new ArrayList<>();
            for (Latest stream : streams) {
                if (!stream.hasValue() || stream.time().toEpochMilli() <= at) {
                    answers.put(stream.datastreamId(), stream);
                } else {
                    open.add(stream.datastreamId());
                }
            }
            Map<Long, Latest> byId = new HashMap<>();
            streams.forEach(stream -> byId.put(stream.datastreamId(), stream));
            try (PreparedStatement window = connection.prepareStatement("SELECT o.datastream_id, o.phenomenon_time, "
                    + "o.result_number, o.result_text FROM datastream d JOIN observation o ON o.datastream_id = d.id "
                    + "AND o.phenomenon_time BETWEEN ? AND ? WHERE d.id = ANY(?)")) {
                for (long lookBack : AS_OF_WINDOWS) {
                    if (open.isEmpty()) {
                        break;
                    }
                    window.setLong(1, at - lookBack);
                    window.setLong(2, at);
                    window.setObject(3, open.toArray(Long[]::new));
                    try (ResultSet rows = window.executeQuery()) {
                        while (rows.next()) {
                            long id = rows.getLong(1);
                            long observed = rows.getLong(2);
                            Latest best = answers.get(id);
                            if (best == null || best.time().toEpochMilli() < observed) {
                                double number = rows.getDouble(3);
                                answers.put(id, byId.get(id).at(Instant.ofEpochMilli(observed), rows.wasNull() ? Double.NaN : number, rows.getString(4)));
                            }
                        }
                    }
                    open.removeIf(answers::containsKey);
                }
            }
            try (PreparedStatement last = connection.prepareStatement("SELECT phenomenon_time, result_number, result_text "
                    + "FROM observation WHERE datastream_id = ? AND phenomenon_time <= ? ORDER BY phenomenon_time DESC "
                    + "FETCH FIRST 1 ROW ONLY")) {
                for (long id : open) {
                    last.setLong(1, id);
                    last.setLong(2, at);
                    try (ResultSet found = last.executeQuery()) {
                        if (found.next()) {
                            double number = found.getDouble(2);
                            answers.put(id, byId.get(id).at(Instant.ofEpochMilli(found.getLong(1)), found.wasNull() ? Double.NaN : number, found.getString(3)));
                        } else {
                            answers.put(id, byId.get(id).at(null, Double.NaN, null));
                        }
                    }
                }
            }
            List<Latest> values = new ArrayList<>(streams.size());
            for (Latest stream : streams) {
                values.add(answers.get(stream.datastreamId()));
            }
            return values;
        } catch (SQLException e) {
            throw failure("reading the values as of " + time, e);
        }
    }

    /**
     * One datastream's numeric results in [from, to], at most {@code maxPoints} of them: where there are more, each
     * point is the mean (with minimum and maximum) of an equal slice of time, so a chart keeps the shape.
     */
    public List<SeriesPoint> series(long datastreamId, Instant from, Instant to, int maxPoints) throws CacheException {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1");
        }
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        long bucket = Math.max(1, (end - start) / maxPoints + 1);
        try (Connection connection = readers.get();
             PreparedStatement query = connection.prepareStatement("SELECT AVG(phenomenon_time), AVG(result_number), "
                     + "MIN(result_number), MAX(result_number), COUNT(*) FROM observation WHERE datastream_id = ? "
                     + "AND phenomenon_time BETWEEN ? AND ? AND result_number IS NOT NULL "
                     + "GROUP BY (phenomenon_time - ?) / ? ORDER BY 1")) {
            query.setLong(1, datastreamId);
            query.setLong(2, start);
            query.setLong(3, end);
            query.setLong(4, start);
            query.setLong(5, bucket);
            List<SeriesPoint> points = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    points.add(new SeriesPoint(Instant.ofEpochMilli(Math.round(rows.getDouble(1))), rows.getDouble(2),
                            rows.getDouble(3), rows.getDouble(4), rows.getInt(5)));
                }
            }
            return points;
        } catch (SQLException e) {
            throw failure("reading datastream " + datastreamId, e);
        }
    }

    /** The time of the oldest observation the cache holds: where history playback can start. A full scan. */
    public Optional<Instant> earliest() throws CacheException {
        try (Connection connection = readers.get();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MIN(phenomenon_time) FROM observation")) {
            rows.next();
            long time = rows.getLong(1);
            return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(time));
        } catch (SQLException e) {
            throw failure("reading the oldest observation", e);
        }
    }

    /**
     * The phenomenon time of a datastream's newest observation: where an incremental fetch starts. A newest one
     * more than {@link #MAX_AHEAD} ahead of the clock, stored before such values were refused, is passed over for
     * the newest before it: otherwise every fetch would ask for what is newer than it, and get nothing, for good.
     */
    public Optional<Instant> lastTime(String source, String datastreamRemoteId) throws CacheException {
        long latestAllowed = clock.instant().plus(MAX_AHEAD).toEpochMilli();
        try (Connection connection = readers.get();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, latest_time FROM datastream WHERE source = ? AND remote_id = ?")) {
            query.setString(1, source);
            query.setString(2, datastreamRemoteId);
            long id;
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                id = rows.getLong(1);
                long time = rows.getLong(2);
                if (rows.wasNull()) {
                    return Optional.empty();
                }
                if (time <= latestAllowed) {
                    return Optional.of(Instant.ofEpochMilli(time));
                }
            }
            try (PreparedStatement before = connection.prepareStatement("SELECT MAX(phenomenon_time) FROM observation "
                    + "WHERE datastream_id = ? AND phenomenon_time <= ?")) {
                before.setLong(1, id);
                before.setLong(2, latestAllowed);
                try (ResultSet rows = before.executeQuery()) {
                    rows.next();
                    long time = rows.getLong(1);
                    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(time));
                }
            }
        } catch (SQLException e) {
            throw failure("reading the last time of " + datastreamRemoteId, e);
        }
    }

    /**
     * Replaces the stored states of the writing process's sources with these: a viewer reading through the service
     * shows them ({@link #sourceStates}). Not made durable at once: a state lost in a crash is rewritten at the next
     * fetch.
     */
    public synchronized void putSourceStates(List<SourceStatus> statuses) throws CacheException {
        requireWriter();
        try (Statement clear = writer.createStatement();
             PreparedStatement insert = writer.prepareStatement("INSERT INTO source_state (source, state, since, last_success, "
                     + "problem) VALUES (?, ?, ?, ?, ?)")) {
            clear.execute("DELETE FROM source_state");
            for (SourceStatus status : statuses) {
                insert.setString(1, status.source());
                insert.setString(2, status.state().name());
                insert.setLong(3, status.since().toEpochMilli());
                if (status.lastSuccess() == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, status.lastSuccess().toEpochMilli());
                }
                insert.setString(5, SafeText.of(status.problem(), 1_000));
                insert.addBatch();
            }
            insert.executeBatch();
            writer.commit();
        } catch (SQLException e) {
            throw rollback("storing the sources' states", e);
        }
    }

    /** The states of the sources of the process that writes the cache, as it last stored them. */
    public List<SourceStatus> sourceStates() throws CacheException {
        try (Connection connection = readers.get();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT source, state, since, last_success, problem FROM source_state ORDER BY source")) {
            List<SourceStatus> states = new ArrayList<>();
            while (rows.next()) {
                SourceStatus.State state;
                try {
                    state = SourceStatus.State.valueOf(rows.getString(2));
                } catch (IllegalArgumentException newer) {
                    state = SourceStatus.State.OFFLINE;
                }
                long success = rows.getLong(4);
                Instant lastSuccess = rows.wasNull() ? null : Instant.ofEpochMilli(success);
                states.add(new SourceStatus(rows.getString(1), state, Instant.ofEpochMilli(rows.getLong(3)), lastSuccess, rows.getString(5)));
            }
            return states;
        } catch (SQLException e) {
            throw failure("reading the sources' states", e);
        }
    }

    /** Observation counts per datastream, with the latest values: what {@code twin cache stats} prints. */
    public Stats stats() throws CacheException {
        Map<Long, Long> counts = new HashMap<>();
        try (Connection connection = readers.get();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datastream_id, COUNT(*) FROM observation GROUP BY datastream_id")) {
            while (rows.next()) {
                counts.put(rows.getLong(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw failure("counting observations", e);
        }
        List<Stats.Stream> streams = new ArrayList<>();
        long total = 0;
        for (Latest latest : latest()) {
            long count = counts.getOrDefault(latest.datastreamId(), 0L);
            total += count;
            streams.add(new Stats.Stream(latest, count));
        }
        return new Stats(total, streams, rejected());
    }

    /**
     * How much of H2's page cache is filled and its limit, in MB: the cache's share of the heap, which grows as the
     * file's pages are read until it reaches the limit (16 MB unless the URL sets CACHE_SIZE), and then stays.
     */
    public long[] pageCacheMegabytes() throws CacheException {
        long used = 0;
        long limit = 0;
        try (Connection connection = readers.get();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME IN ('info.CACHE_SIZE', 'info.CACHE_MAX_SIZE')")) {
            while (rows.next()) {
                long value = Long.parseLong(rows.getString(2));
                if (rows.getString(1).equals("info.CACHE_SIZE")) {
                    used = value;
                } else {
                    limit = value;
                }
            }
        } catch (SQLException | NumberFormatException e) {
            throw new CacheException("reading the page cache's size: " + e.getMessage(), e);
        }
        return new long[]{used, limit};
    }

    /** Closes the cache; with {@code compact} H2 rewrites the file, which otherwise never shrinks while open. */
    public void close(boolean compact) throws CacheException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            readers.close();
            if (writer == null) {
                return;
            }
            if (diskFull != null) {
                // H2 closed the database when the write failed; the disk full was reported then, and there is
                // nothing left to write.
                closeQuietly(writer);
                return;
            }
            try (Statement statement = writer.createStatement()) {
                writer.commit();
                statement.execute(compact ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            } catch (SQLException e) {
                throw failure("closing the cache", e);
            } finally {
                closeQuietly(writer);
            }
            removeCompactionLeftovers();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // SHUTDOWN has closed it already.
        }
    }

    /**
     * SHUTDOWN COMPACT writes the compacted copy next to the cache and swaps it in. When that copy cannot be
     * written, H2 only traces the failure, keeps the cache as it was, and leaves the partial copy behind until the
     * next open: removed here, and said.
     */
    private void removeCompactionLeftovers() throws CacheException {
        Path file = folder.resolve(DATABASE_FILE);
        boolean left = false;
        for (String suffix : List.of(".tempFile", ".newFile")) {
            Path leftover = folder.resolve(DATABASE_FILE + suffix);
            try {
                left |= Files.deleteIfExists(leftover);
            } catch (IOException e) {
                throw new CacheException("could not remove " + leftover + " left by a failed compaction: " + e.getMessage(), e);
            }
        }
        if (left) {
            throw new CacheException("could not compact " + file + " (is the disk full?); the cache is kept as it was", null);
        }
    }

    /** Closes and compacts: the cache is smallest between runs. */
    @Override
    public void close() throws CacheException {
        close(true);
    }
}
