package de.dormagentwin.ui.kiosk;

import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinLockTest {
    private static final String PIN = "4711";
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));
    private final LogCapture logs = new LogCapture();
    private final List<String> log = logs.messages();
    private final PinLock lock = new PinLock(PIN, now::get);

    private void later(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @AfterEach
    void stopCapturingTheLog() {
        logs.close();
    }

    @Test
    void threeWrongPinsCostNothingThenThePromptWaitsDoublingUpToFiveMinutes() {
        assertEquals(PinLock.Outcome.WRONG, lock.attempt("0000"));
        assertEquals(PinLock.Outcome.WRONG, lock.attempt("0001"));
        assertEquals(Duration.ZERO, lock.waitLeft(), "two slips: no wait");
        assertEquals(PinLock.Outcome.WRONG, lock.attempt("0002"));
        List<Long> waits = new ArrayList<>();
        waits.add(lock.waitLeft().toSeconds());
        for (int i = 0; i < 6; i++) {
            later(lock.waitLeft());
            assertEquals(PinLock.Outcome.WRONG, lock.attempt("1" + i));
            waits.add(lock.waitLeft().toSeconds());
        }
        assertEquals(List.of(30L, 60L, 120L, 240L, 300L, 300L, 300L), waits);
    }

    @Test
    void whileItWaitsEvenTheRightPinIsRefusedUnreadAndAfterTheWaitItLeaves() {
        for (int i = 0; i < 3; i++) {
            lock.attempt("9999");
        }
        later(Duration.ofSeconds(29));
        assertEquals(PinLock.Outcome.WAIT, lock.attempt(PIN));
        assertEquals(Duration.ofSeconds(1), lock.waitLeft(), "a refused attempt does not lengthen the wait");
        later(Duration.ofSeconds(1));
        assertEquals(PinLock.Outcome.RIGHT, lock.attempt(PIN));
        assertEquals(PinLock.Outcome.WRONG, lock.attempt("9999"), "the right PIN starts the count afresh");
        assertEquals(Duration.ZERO, lock.waitLeft());
    }

    @Test
    void twoHundredGuessesTakeHoursNotSeconds() {
        Instant start = now.get();
        int compared = 0;
        while (compared < 200) {
            if (lock.attempt(String.format("%04d", compared)) != PinLock.Outcome.WAIT) {
                compared++;
            }
            later(lock.waitLeft());
        }
        assertTrue(Duration.between(start, now.get()).compareTo(Duration.ofHours(16)) > 0, Duration.between(start, now.get()).toString());
    }

    @Test
    void everyAttemptIsLoggedButNeverThePinTyped() {
        lock.attempt("8123");
        lock.attempt("8124");
        lock.attempt("8125");
        lock.attempt(PIN);
        later(Duration.ofMinutes(1));
        lock.attempt(PIN);
        assertEquals(5, log.size(), log.toString());
        assertTrue(log.get(2).contains("3 in a row") && log.get(2).contains("30 s"), log.get(2));
        assertTrue(log.get(3).contains("refused"), log.get(3));
        assertTrue(log.get(4).contains("right PIN"), log.get(4));
        for (String line : log) {
            assertFalse(line.contains("812") || line.contains(PIN), line);
        }
    }
}
