package de.dormagentwin.live.store;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stream's classification gets stricter by itself, looser only by an explicit, recorded change. */
class ClassificationStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final Set<Classification> KIOSK = EnumSet.of(Classification.PUBLIC);

    @TempDir
    Path folder;

    private LiveStore open() throws CacheException {
        return LiveStore.open(folder, null, CLOCK);
    }

    private static Datastream tank(Classification classification) {
        return new Datastream("csv drop", "tank-7/level", null, "Tank 7 level", "fill level", "", "percent", "%", classification);
    }

    @Test
    void aConfidentialStreamStoredAgainAsPublicStaysConfidentialAndTheKioskReadsNothingOfIt() throws Exception {
        try (LiveStore store = open()) {
            store.putDatastream(tank(Classification.CONFIDENTIAL));
            store.write(List.of(Observation.number("csv drop", "tank-7/level", T0, 81)));

            store.putDatastream(tank(Classification.PUBLIC));
            store.putDatastream(tank(Classification.PARTNER));
            store.write(List.of(Observation.number("csv drop", "tank-7/level", T0.plusSeconds(60), 82)));

            assertEquals(Classification.CONFIDENTIAL, store.latest().get(0).datastream().classification());
            assertEquals(List.of(), store.changedSince(-1, KIOSK).values());
            assertEquals(List.of(), store.asOf(T0.plusSeconds(60), KIOSK));
            assertEquals(List.of(), store.classificationChanges(), "nothing changed");
        }
    }

    @Test
    void aSourceMayTightenAStreamAndTheChangeIsRecordedAndSeenByReaders() throws Exception {
        try (LiveStore store = open()) {
            store.putDatastream(tank(Classification.PUBLIC));
            long before = store.changedSince(-1).revision();

            store.putDatastream(tank(Classification.CONFIDENTIAL));

            assertEquals(Classification.CONFIDENTIAL, store.latest().get(0).datastream().classification());
            assertEquals(1, store.changedSince(before).values().size(), "a reader polling for changes hears of it");
            assertEquals(List.of(CLOCK.instant() + " csv drop tank-7/level public -> confidential (ingest)"), store.classificationChanges());
        }
    }

    @Test
    void onlyReclassifyLoosensAndItIsRecordedDurably() throws Exception {
        try (LiveStore store = open()) {
            store.putDatastream(tank(Classification.CONFIDENTIAL));
            store.write(List.of(Observation.number("csv drop", "tank-7/level", T0, 81)));

            assertEquals(Optional.of(Classification.CONFIDENTIAL), store.reclassify("csv drop", "tank-7/level", Classification.PUBLIC));
            assertEquals(Optional.empty(), store.reclassify("csv drop", "no-such-stream", Classification.PUBLIC));
        }
        try (LiveStore store = open()) {
            assertEquals(List.of(81.0), store.changedSince(-1, KIOSK).values().stream().map(Latest::number).toList());
            assertEquals(List.of(CLOCK.instant() + " csv drop tank-7/level confidential -> public (cache classify)"),
                    store.classificationChanges());
            assertEquals(List.of("csv drop"), store.sourcesOf("tank-7/level"));
        }
    }

    @Test
    void aWordNoOneKnowsIsConfidential() {
        assertEquals(Classification.CONFIDENTIAL, Classification.parseOrConfidential("secret"));
        assertEquals(Classification.CONFIDENTIAL, Classification.parseOrConfidential(null));
        assertEquals(Classification.PARTNER, Classification.parseOrConfidential(" Partner "));
        assertEquals(Classification.CONFIDENTIAL, Classification.CONFIDENTIAL.stricter(Classification.PUBLIC));
        assertEquals(Classification.PARTNER, Classification.PUBLIC.stricter(Classification.PARTNER));
    }
}
