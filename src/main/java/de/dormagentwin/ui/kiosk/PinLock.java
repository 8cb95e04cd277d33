package de.dormagentwin.ui.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The kiosk's exit PIN, guarded against guessing: after {@link #FREE_ATTEMPTS} wrong PINs in a row the prompt waits
 * {@link #FIRST_WAIT}, and each further wrong PIN doubles the wait, up to {@link #LONGEST_WAIT}. A PIN typed while it
 * waits is not even compared. The right PIN starts the count afresh. Every attempt is logged, never the PIN typed.
 * The time comes from a clock, so a test sets it.
 */
public final class PinLock {
    /** What an attempt came to. */
    public enum Outcome {
        /** The right PIN: leave. */
        RIGHT,
        /** A wrong PIN; there may be a wait now ({@link #waitLeft()}). */
        WRONG,
        /** Refused unread: the prompt is waiting. */
        WAIT
    }

    /** Typing slips an administrator makes cost nothing. */
    public static final int FREE_ATTEMPTS = 3;
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(PinLock.class.getName());

    private final byte[] pin;
    private final InstantSource clock;
    private int wrongInARow;
    private Instant waitUntil = Instant.MIN;

    public PinLock(String pin, InstantSource clock) {
        this.pin = pin.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public Outcome attempt(String entered) {
        Instant now = clock.instant();
        Duration left = waitLeft();
        if (!left.isZero()) {
            LOG.log(System.Logger.Level.WARNING, "kiosk: PIN attempt at " + now + " refused unread: the exit prompt waits " + left.toSeconds() + " s more");
            return Outcome.WAIT;
        }
        // Compared in constant time: how long a wrong PIN takes says nothing about how much of it was right.
        if (MessageDigest.isEqual(pin, entered.getBytes(StandardCharsets.UTF_8))) {
            LOG.log(System.Logger.Level.INFO, "kiosk: right PIN at " + now + " after " + wrongInARow + " wrong; leaving kiosk mode");
            wrongInARow = 0;
            return Outcome.RIGHT;
        }
        wrongInARow++;
        String waiting = "";
        if (wrongInARow >= FREE_ATTEMPTS) {
            Duration wait = waitAfter(wrongInARow);
            waitUntil = now.plus(wait);
            waiting = "; the prompt waits " + wait.toSeconds() + " s";
        }
        LOG.log(System.Logger.Level.WARNING, "kiosk: wrong PIN at " + now + " (" + wrongInARow + " in a row)" + waiting);
        return Outcome.WRONG;
    }

    /** The wait after the {@code wrong}-th wrong PIN in a row: the first wait, doubled for each one past it, capped. */
    static Duration waitAfter(int wrong) {
        int doublings = Math.min(wrong - FREE_ATTEMPTS, 16);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** How long until the prompt takes a PIN again; zero when it does now. */
    public Duration waitLeft() {
        Instant now = clock.instant();
        return now.isBefore(waitUntil) ? Duration.between(now, waitUntil) : Duration.ZERO;
    }
}
