package de.dormagentwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.dormagentwin.live.store.CacheVerifier;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.Stats;
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
import java.util.concurrent.Callable;

/** {@code twin cache stats|prune|compact|verify}: look after the local live-data cache. */
@Command(name = "cache", description = "Inspect and maintain the local live-data cache.",
        subcommands = {CacheCommand.StatsCommand.class, CacheCommand.PruneCommand.class, CacheCommand.CompactCommand.class,
                CacheCommand.VerifyCommand.class})
final class CacheCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("twin cache: name a command: stats, prune, compact or verify");
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
            try (LiveStore store = cache.openVerified("stats", false)) {
                stats = store.stats();
            }
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(stats)));
            } else {
                System.out.printf(Locale.ROOT, "%s: %,d observations in %,d datastreams%n", cache.folder(), stats.observations(), stats.datastreams().size());
                for (Stats.Stream stream : stats.datastreams()) {
                    Latest latest = stream.latest();
                    System.out.printf(Locale.ROOT, "  %-12s %-40s %-12s %,10d  %s%n", latest.datastream().classification().word(),
                            latest.datastream().source() + " " + latest.datastream().remoteId(), latest.datastream().unitSymbol(),
                            stream.observations(), latest.hasValue() ? latest.time() + " " + value(latest) : "no data");
                }
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
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("observations", stats.observations());
            root.put("datastreams", streams);
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
}
