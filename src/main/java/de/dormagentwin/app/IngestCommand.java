package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.ingest.CsvFolderSource;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.MqttSource;
import de.dormagentwin.live.ingest.PegelOnlineSource;
import de.dormagentwin.live.ingest.SensorThingsSource;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.live.ingest.Source;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.model.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code twin ingest}: fetches live data from one source into the cache, once or following it. */
@Command(name = "ingest", sortOptions = false, description = {"Fetch live data from one source into the cache, or without a source option from the configuration's sources.",
        "With --once it fetches what is new and exits (0 when the source answered, 1 when it did not); without, it keeps following."})
final class IngestCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(IngestCommand.class.getName());
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    @Mixin
    CacheOptions cache;

    @Option(names = "--sensorthings", paramLabel = "URL", description = "An OGC SensorThings v1.1 service root (also the MQTT source's backfill).")
    URI sensorThings;

    @Option(names = "--mqtt", paramLabel = "URL", description = "A SensorThings MQTT broker, tcp://host:port; needs --sensorthings.")
    URI mqtt;

    @Option(names = "--datastream", paramLabel = "ID", description = "With --mqtt: the datastreams to follow (default: all the server has).")
    List<String> datastreams = new ArrayList<>();

    @Option(names = "--pegelonline", paramLabel = "URL", description = "The PEGELONLINE REST API, e.g. " + "https://www.pegelonline.wsv.de/webservices/rest-api/v2")
    URI pegelOnline;

    @Option(names = "--station", paramLabel = "UUID", description = "With --pegelonline: the gauge (Düsseldorf 8f7e5f92-1153-4f93-acba-ca48670c8ca9).")
    String station;

    @Option(names = "--csv", paramLabel = "DIR", description = "A drop folder of CSV files (datastream,time,value,unit).")
    Path csv;

    @Option(names = "--simulate", description = "The simulated Dormagen sensor network of the sample.")
    boolean simulate;

    @Option(names = "--days", defaultValue = "2", description = "With --simulate: days of history to fill an empty cache with (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--classification", paramLabel = "WORD", description = {"For --sensorthings, --mqtt and --csv: public, partner "
            + "or confidential (default confidential: what no one classified, the kiosk never shows).",
            "A stream already in the cache keeps the stricter of its classification and this one; loosen it with twin cache classify."})
    String classification;

    @Option(names = "--once", description = "Fetch once and exit.")
    boolean once;

    @Option(names = "--interval", defaultValue = "PT30S", description = "Between fetches when following, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int chosen = (sensorThings != null && mqtt == null ? 1 : 0) + (mqtt != null ? 1 : 0) + (pegelOnline != null ? 1 : 0)
                + (csv != null ? 1 : 0) + (simulate ? 1 : 0);
        List<SourceSettings> configured = chosen == 0 ? cache.config().sources() : List.of();
        if (chosen > 1 || chosen == 0 && configured.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name one source: --sensorthings URL, --mqtt URL --sensorthings URL, "
                    + "--pegelonline URL --station UUID, --csv DIR or --simulate; or list \"sources\" in the configuration");
        }
        if (pegelOnline != null && station == null) {
            throw new ParameterException(spec.commandLine(), "--pegelonline needs --station UUID");
        }
        if (days < 0 || interval.isNegative() || interval.isZero()) {
            throw new ParameterException(spec.commandLine(), "--days must be 0 or more and --interval positive");
        }
        if (classification != null && (pegelOnline != null || simulate)) {
            // Their classification is theirs to know (PEGELONLINE is public, the simulator classifies per stream).
            throw new ParameterException(spec.commandLine(), "--classification applies to --sensorthings, --mqtt and --csv only");
        }
        Classification level;
        try {
            level = classification == null ? Classification.CONFIDENTIAL : Classification.parse(classification);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // Ingest holds the cache for long and prunes it hourly: it must know the cache is sound before it starts.
        LiveStore store = cache.openVerified("ingest", true);
        try {
            IngestService service = configured.isEmpty()
                    ? service(store, List.of(source(store, level)), List.of(), interval, cache.config())
                    : service(store, List.of(), configured, interval, cache.config());
            List<SourceStatus> sources = service.statuses();
            String names = sources.size() == 1 ? sources.get(0).source() : sources.size() + " sources";
            if (once) {
                long before = store.stats().observations();
                long rejectedBefore = rejected(store, sources);
                boolean ok = service.runOnce();
                service.close();
                if (store.isDiskFull()) {
                    // The source's message said so, with the path; the cache cannot be read or written any more.
                    return 1;
                }
                long after = store.stats().observations();
                long rejected = rejected(store, sources) - rejectedBefore;
                System.out.printf(Locale.ROOT, "%s: %,d new observations, %,d in the cache%s%n", names, after - before, after,
                        rejected == 0 ? "" : String.format(Locale.ROOT, ", %,d records rejected (see twin cache stats)", rejected));
                if (store.movedAside().isPresent()) {
                    // The data went into a fresh cache; what the old one held is only in the file moved aside.
                    System.err.println("twin: the cache would not open and was moved to " + store.movedAside().get()
                            + "; this run filled a fresh one");
                    return 1;
                }
                return ok ? 0 : 1;
            }
            follow(service, store);
            return 0;
        } finally {
            store.close();
        }
    }

    /** The records these sources had rejected, ever. */
    private static long rejected(LiveStore store, List<SourceStatus> sources) throws Exception {
        Map<String, Long> rejected = store.rejected();
        return sources.stream().mapToLong(source -> rejected.getOrDefault(source.source(), 0L)).sum();
    }

    /**
     * The ingest of {@code sources} and of the configured ones, each at its own pace, with the configuration's
     * retention: for {@code twin ingest} and {@code twin serve}. The simulator loads the bundled sample first.
     */
    static IngestService service(LiveStore store, List<Source> given, List<SourceSettings> configured, Duration interval,
                                 TwinConfig config) throws IOException {
        List<Source> sources = new ArrayList<>(given);
        Map<String, Duration> intervals = new HashMap<>();
        CityModel sample = configured.stream().anyMatch(settings -> settings.type().equals("simulator"))
                ? CityJsonReader.read(ModelFiles.sample()) : null;
        for (SourceSettings settings : configured) {
            Source source = settings.build(sample, FETCH_TIMEOUT);
            sources.add(source);
            intervals.put(source.name(), settings.interval());
        }
        IngestService service = new IngestService(store, sources, interval, FIRST_BACKOFF, Clock.systemUTC())
                .withRetention(Duration.ofDays(config.retentionDays()));
        intervals.forEach(service::withInterval);
        return service;
    }

    private Source source(LiveStore store, Classification level) throws Exception {
        if (simulate) {
            CityModel model = CityJsonReader.read(ModelFiles.sample());
            return new Simulator(model, Simulator.DEFAULT_SEED, Clock.systemUTC(), Duration.ofDays(days));
        }
        if (pegelOnline != null) {
            return new PegelOnlineSource(pegelOnline, station, FETCH_TIMEOUT);
        }
        if (csv != null) {
            return new CsvFolderSource(csv, level, CsvFolderSource.SETTLE, Clock.systemUTC());
        }
        SensorThingsSource http = new SensorThingsSource(sensorThings, level, FETCH_TIMEOUT);
        if (mqtt == null) {
            return http;
        }
        List<String> follow = new ArrayList<>(datastreams);
        if (follow.isEmpty()) {
            // The broker needs topics up front: ask the server once which datastreams it has.
            new IngestService(store, List.of(http), interval, FIRST_BACKOFF, Clock.systemUTC()).runOnce();
            for (Latest latest : store.latest()) {
                if (latest.datastream().source().equals(http.name())) {
                    follow.add(latest.datastream().remoteId());
                }
            }
            if (follow.isEmpty()) {
                throw new IllegalStateException(sensorThings + " has no datastreams to follow over MQTT");
            }
        }
        return new MqttSource(mqtt, follow, http, http.name());
    }

    /** Runs until the process is stopped (Ctrl-C, SIGTERM); the cache is closed and compacted on the way out. */
    private static void follow(IngestService service, LiveStore store) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            try {
                store.close();
            } catch (Exception e) {
                // Not through the log: java.util.logging closes its handlers in a shutdown hook of its own.
                System.err.println("twin: " + e.getMessage());
            }
            stopped.countDown();
        }, "twin-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.log(System.Logger.Level.INFO, "following " + String.join(", ", service.statuses().stream().map(status -> SafeText.of(status.source())).toList())
                + "; Ctrl-C stops");
        service.start();
        stopped.await();
    }
}
