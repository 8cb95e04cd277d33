package de.dormagentwin.live.store;

import de.dormagentwin.live.Observation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes observations into a cache for ever, saying after each committed batch how many are in: killed by a test. */
public final class WriterProcess {
    private WriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        LiveStore store = LiveStore.open(Path.of(args[0]), null);
        LiveStoreTest.register(store);
        for (int batch = 0; ; batch++) {
            List<Observation> observations = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                observations.add(LiveStoreTest.pm10(batch * 1000 + i, i));
            }
            store.write(observations);
            System.out.println("committed " + (batch + 1) * 1000);
            System.out.flush();
        }
    }
}
