package de.dormagentwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.store.CacheVerifier;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.Stats;
import de.dormagentwin.model.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code twin cache stats|prune|compact|verify|classify}: look after the local live-data cache.
 *
 * <p>{@code stats --json} prints {@code {"observations": n, "datastreams": [...], "sources": [...]}}: per datastream
 * {@code source, remoteId, name, unit, classification, observations, latestTime, latestValue}; per source (every
 * source with a datastream or a rejected record, by name) {@code {"source": name, "rejected": n}}, the records it
 * skipped or the cache refused, ever.
 */
@Command(name = "cache", description = "Inspect and maintain the local live-data cache.",
        subcommands = {CacheCommand.StatsCommand.class, CacheCommand.PruneCommand.class, CacheCommand.CompactCommand.class,
                CacheCommand.VerifyCommand.class, CacheCommand.ClassifyCommand.class})
final class CacheCommand implements Runnable {
    private static final System.Logger LOG = System.getLogger(CacheCommand.class.getName());

    @Override
    public void run() {
        System.err.println("twin cache: name a command: stats, prune, compact, verify or classify");
    }

    @Command(name = "stats", description = "What the cache holds, per datastream.")
    static final class StatsCommand implements Callable<Integer> {
        @Mixin
        CacheOptions cache;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Stats stats;
            // The full check costs about what the count below costs (some 5 s each for 5 million observations
            // here), and the count reads an index, not the rows: it came out right over damaged rows without a word.
            try (LiveStore store = cache.openForReading("stats", false)) {
                stats = store.stats();
            }
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(stats)));
            } else {
                System.out.printf(Locale.ROOT, "%s: %,d observations in %,d datastreams%n", cache.folder(), stats.observations(), stats.datastreams().size());
                for (Stats.Stream stream : stats.datastreams()) {
                    Latest latest = stream.latest();
                    System.out.printf(Locale.ROOT, "  %-12s %-40s %-12s %,10d  %s%n", latest.datastream().classification().word(),
                            SafeText.of(latest.datastream().source() + " " + latest.datastream().remoteId()),
                            SafeText.of(latest.datastream().unitSymbol()), stream.observations(),
                            latest.hasValue() ? latest.time() + " " + SafeText.of(String.valueOf(value(latest))) : "no data");
                }
                stats.rejected().forEach((source, records) -> System.out.printf(Locale.ROOT, "  %,d records rejected from %s%n",
                        records, SafeText.of(source)));
            }
            return 0;
        }

        /** Exactly the keys the issue names: remoteId a string, latestTime ISO-8601 UTC, latestValue number or text. */
        static Map<String, Object> toJson(Stats stats) {
            List<Map<String, Object>> streams = new ArrayList<>();
            for (Stats.Stream stream : stats.datastreams()) {
                Latest latest = stream.latest();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("source", latest.datastream().source());
                entry.put("remoteId", latest.datastream().remoteId());
                entry.put("name", latest.datastream().name());
                entry.put("unit", latest.datastream().unitSymbol());
                entry.put("classification", latest.datastream().classification().word());
                entry.put("observations", stream.observations());
                entry.put("latestTime", latest.hasValue() ? latest.time().toString() : null);
                entry.put("latestValue", latest.hasValue() ? value(latest) : null);
                streams.add(entry);
            }
            TreeSet<String> names = new TreeSet<>(stats.rejected().keySet());
            stats.datastreams().forEach(stream -> names.add(stream.latest().datastream().source()));
            List<Map<String, Object>> sources = new ArrayList<>();
            for (String name : names) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("source", name);
                entry.put("rejected", stats.rejected().getOrDefault(name, 0L));
                sources.add(entry);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("observations", stats.observations());
            root.put("datastreams", streams);
            root.put("sources", sources);
            return root;
        }

        private static Object value(Latest latest) {
            return latest.text() != null ? latest.text() : (Object) latest.number();
        }
    }

    @Command(name = "prune", description = "Delete observations older than the retention (default from the configuration, 30 days).")
    static final class PruneCommand implements Callable<Integer> {
        @Mixin
        CacheOptions cache;

        @Option(names = "--days", description = "Keep this many days (default: the configuration's cache.retentionDays, else 30).")
        Integer days;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int keep = days != null ? days : cache.config().retentionDays();
            if (keep < 1) {
                throw new ParameterException(spec.commandLine(), "--days must be 1 or more");
            }
            Instant before = Instant.now().minus(Duration.ofDays(keep));
            try (LiveStore store = cache.openVerified("prune", false)) {
                long deleted = store.prune(before);
                System.out.printf(Locale.ROOT, "deleted %,d observations older than %s (%d days)%n", deleted, before, keep);
            }
            return 0;
        }
    }

    @Command(name = "verify", description = "Read every page of the cache and say what is damaged (exit 1 if anything is).")
    static final class VerifyCommand implements Callable<Integer> {
        @Mixin
        CacheOptions cache;

        @Override
        public Integer call() throws Exception {
            cache.requireNoService("verify");
            CacheVerifier.Report report = CacheVerifier.verify(cache.folder(), cache.password());
            if (report.sound()) {
                System.out.println(report.summary());
                return 0;
            }
            System.err.println("twin: " + report.summary());
            report.damage().forEach(damage -> System.err.println("  " + damage));
            return 1;
        }
    }

    @Command(name = "compact", description = "Rewrite the cache file to its smallest size.")
    static final class CompactCommand implements Callable<Integer> {
        @Mixin
        CacheOptions cache;

        @Override
        public Integer call() throws Exception {
            Path file = cache.folder().resolve("live.mv.db");
            long before = Files.exists(file) ? Files.size(file) : 0;
            cache.openVerified("compact", false).close(true);
            System.out.printf(Locale.ROOT, "%s: %,d bytes -> %,d bytes%n", file, before, Files.size(file));
            return 0;
        }
    }

    /**
     * The one way to loosen a datastream's classification (a source can only tighten it): says what changes on
     * standard output and on the error stream, where a service's log keeps it, and the cache records the change
     * with its time in its classification_change table, which outlives any log.
     */
    @Command(name = "classify", description = {"Set a datastream's classification: the one way to make a stream looser (e.g. public).",
            "Prints the change; the cache keeps a record of every change."})
    static final class ClassifyCommand implements Callable<Integer> {
        @Mixin
        CacheOptions cache;

        @Option(names = "--datastream", paramLabel = "ID", required = true, description = "The datastream's id, as cache stats prints it.")
        String datastream;

        @Option(names = "--source", paramLabel = "NAME", description = "The source, where several have a datastream of that id.")
        String source;

        @Option(names = "--as", paramLabel = "WORD", required = true, description = "public, partner or confidential.")
        String as;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Classification to;
            try {
                to = Classification.parse(as);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            // It writes: like prune and compact, it changes nothing in a damaged cache.
            try (LiveStore store = cache.openVerified("classify", false)) {
                List<String> sources = store.sourcesOf(datastream);
                if (source != null ? !sources.contains(source) : sources.isEmpty()) {
                    System.err.println("twin: the cache " + cache.folder() + " has no datastream " + SafeText.of(datastream)
                            + (source == null ? "" : " of " + SafeText.of(source)));
                    return 1;
                }
                if (source == null && sources.size() > 1) {
                    List<String> named = sources.stream().map(SafeText::of).toList();
                    throw new ParameterException(spec.commandLine(), "several sources have a datastream " + SafeText.of(datastream)
                            + "; name one with --source: " + String.join(", ", named));
                }
                String from = source != null ? source : sources.get(0);
                Optional<Classification> before = store.reclassify(from, datastream, to);
                String change = SafeText.of(from) + " " + SafeText.of(datastream) + ": " + before.orElseThrow().word() + " -> " + to.word()
                        + (before.get() == to ? " (unchanged)" : "");
                System.out.println(change);
                if (before.get() != to) {
                    LOG.log(System.Logger.Level.INFO, "classification changed: " + change);
                }
            }
            return 0;
        }
    }
}
