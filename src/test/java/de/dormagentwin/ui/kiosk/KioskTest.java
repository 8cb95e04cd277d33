package de.dormagentwin.ui.kiosk;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.overlay.Alerts;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.BackgroundWork;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.InfoPanel;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.Texts;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exhibition kiosk: public data only, a session that resets when visitors leave, two languages, a PIN to leave. */
@Rendering
class KioskTest {
    private static final String PIN = "4711";
    @TempDir
    Path folder;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final AtomicInteger exits = new AtomicInteger();
    private LiveStore store;
    private LiveFeed feed;
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);

    @BeforeEach
    void needsADisplay() throws Exception {
        Display3D.require();
    }

    @AfterEach
    void close() throws Exception {
        if (feed != null) {
            feed.close();
        }
        background.close();
        if (store != null) {
            store.close();
        }
    }

    private KioskPane kiosk() throws Exception {
        CityMeshes threeHouses = Fixtures.meshes("three-houses.city.json");
        return FxThread.call(() -> {
            KioskPane pane = new KioskPane(new CityViewport(new CityScene(threeHouses)), Texts.GERMAN, Duration.ofSeconds(90),
                    clock, PIN, exits::incrementAndGet);
            new Scene(pane, 1280, 800);
            pane.applyCss();
            pane.layout();
            return pane;
        });
    }

    @Test
    void partnerAndConfidentialDataNeverReachTheKiosk() throws Exception {
        store = LiveStore.open(folder, null);
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.putThing(new Thing("test", "box", "Box", "", Map.of(), "house-b", Double.NaN, Double.NaN));
        store.putThing(new Thing("test", "tank", "Tank", "", Map.of(), null, 6.9, 51.1));
        store.putDatastream(new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC));
        store.putDatastream(new Datastream("test", "box/nox", "box", "NOx", "NOx concentration", "", "", "mg/m³", Classification.PARTNER));
        store.putDatastream(new Datastream("test", "box/level", "box", "Level", "fill level", "", "", "%", Classification.CONFIDENTIAL));
        store.putDatastream(new Datastream("test", "tank/level", "tank", "Level", "fill level", "", "", "%", Classification.CONFIDENTIAL));
        store.write(List.of(Observation.number("test", "box/pm10", time, 23.5), Observation.number("test", "box/nox", time, 777),
                Observation.number("test", "box/level", time, 61.25), Observation.number("test", "tank/level", time, 88.75)));
        long confidentialId = store.latest().stream().filter(value -> value.datastream().remoteId().equals("box/level"))
                .findFirst().orElseThrow().datastreamId();

        KioskPane pane = kiosk();
        List<LiveFeed.Snapshot> received = followPublicFeed(pane);
        String text;
        try {
            text = ScreenText.waitFor(pane, "23,5 µg/m³");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nsnapshots received: " + received, e);
        }

        Set<Classification> seen = new HashSet<>();
        received.forEach(snapshot -> snapshot.byObject().values().forEach(values -> values.forEach(value -> seen.add(value.datastream().classification()))));
        assertEquals(Set.of(Classification.PUBLIC), seen, "the feed hands the kiosk public values only");
        assertFalse(text.contains("777") || text.contains("61") || text.contains("88"), text);
        assertEquals(1, (int) FxThread.call(pane::markerCount), "one marker, house B's box: the tank's point has no public value");
        for (String control : buttonTexts(pane)) {
            assertFalse(control.toLowerCase().matches(".*(tank|nox|sicherheit|safety|füllstand|fill).*"), "a control for non-public data: " + control);
        }

        // Nor can a chart ask for a confidential stream: the feed answers only for its own. The public stream's
        // series, asked for after it on the feed's one lane, answers after it would have.
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        feed.series(confidentialId, time.minus(Duration.ofHours(1)), time.plusSeconds(1), 10, points -> refused.incrementAndGet());
        long publicId = received.get(received.size() - 1).of("house-b").get(0).datastreamId();
        feed.series(publicId, time.minus(Duration.ofHours(1)), time.plusSeconds(1), 10, points -> answered.incrementAndGet());
        ScreenText.waitUntil(() -> answered.get() == 1, "the public stream's series arrives");
        assertEquals(0, refused.get(), "the confidential stream's series never answered");
    }

    /**
     * Public, partner and confidential streams on one object, the non-public ones far over their limits and with a
     * value of their own (987.6, 777) that must appear nowhere: not on the card, not in a value label, not in a
     * chart, not in an alert, at no step of the tour. The public stream is written last, so that where labels
     * declutter, a leaked one would be the label shown.
     */
    @Test
    void aKioskOnMixedStreamsOfOneObjectShowsLabelsChartsAlertsAndToursOnlyThePublicOnes() throws Exception {
        store = LiveStore.open(folder, null);
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.putThing(new Thing("test", "box", "Box", "", Map.of(), "house-b", Double.NaN, Double.NaN));
        List<Datastream> secret = List.of(
                new Datastream("test", "box/pm10-c", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.CONFIDENTIAL),
                new Datastream("test", "box/pm10-p", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PARTNER),
                new Datastream("test", "box/level", "box", "Level", "water level", "", "", "cm", Classification.CONFIDENTIAL),
                new Datastream("test", "box/temperature", "box", "T", "air temperature", "", "", "°C", Classification.CONFIDENTIAL),
                new Datastream("test", "box/nox", "box", "NOx", "NOx concentration", "", "", "mg/m³", Classification.PARTNER),
                new Datastream("test", "box/noise", "box", "Noise", "noise level", "", "", "dB(A)", Classification.PARTNER));
        List<Observation> observations = new ArrayList<>();
        for (Datastream datastream : secret) {
            store.putDatastream(datastream);
            observations.add(Observation.number("test", datastream.remoteId(), time, datastream.classification() == Classification.PARTNER ? 777 : 987.6));
        }
        store.putDatastream(new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC));
        observations.add(Observation.number("test", "box/pm10", time, 23.5));
        store.write(observations);
        List<Long> secretIds = store.latest().stream().filter(value -> value.datastream().classification() != Classification.PUBLIC)
                .map(value -> value.datastreamId()).toList();
        assertEquals(secret.size(), secretIds.size());
        long publicId = store.latest().stream().filter(value -> value.datastream().classification() == Classification.PUBLIC)
                .findFirst().orElseThrow().datastreamId();

        KioskPane pane = kiosk();
        List<LiveFeed.Snapshot> received = followPublicFeed(pane);
        String card = ScreenText.waitFor(pane, "23,5 µg/m³");
        assertNoSecret(card, "the card");
        assertFalse(card.contains("Wasserstand"), "no line on the card for a non-public stream: " + card);
        // From straight above, the label's anchor over the roof is in view even for a fixture this small.
        FxThread.call(() -> {
            pane.viewport().cityScene().camera().set(pane.viewport().cityScene().topView());
            return null;
        });
        ScreenText.waitUntil(() -> !labels(pane).isEmpty(), "a value label over house B");
        assertEquals(List.of("24 µg/m³"), labels(pane), "house B's one public PM10 value, labelled");

        for (String theme : List.of("Noise", "Temperature")) {
            FxThread.call(() -> {
                pane.setTheme(theme);
                return null;
            });
            assertEquals(List.of(), labels(pane), theme + ": house B has no public value to label");
        }

        assertTrue(FxThread.call(() -> pane.lookupAll(".chart").isEmpty()), "the kiosk draws no chart");
        AtomicInteger refused = new AtomicInteger();
        for (long id : secretIds) {
            feed.series(id, time.minus(Duration.ofHours(1)), time.plusSeconds(1), 10, points -> refused.incrementAndGet());
        }
        // Asked for last on the feed's one lane, the public series answers after every one before it would have.
        AtomicInteger answered = new AtomicInteger();
        feed.series(publicId, time.minus(Duration.ofHours(1)), time.plusSeconds(1), 10, points -> answered.incrementAndGet());
        ScreenText.waitUntil(() -> answered.get() == 1, "the public stream's series arrives");
        assertEquals(0, refused.get(), "no series of a partner or confidential stream");

        assertEquals(List.of(), new Alerts(OverlayRules.defaults()).update(latest(received).byObject()),
                "nothing the kiosk was given is over a limit, though every non-public stream is");

        FxThread.call(() -> {
            pane.select(null);
            return null;
        });
        now.set(now.get().plusSeconds(90));
        for (int step = 0; step < 4; step++) {
            int expected = step;
            FxThread.call(() -> {
                if (expected == 2) {
                    // Somewhere else first, so that the step's own flight decides where the camera ends.
                    pane.viewport().cityScene().camera().set(new OrbitCamera.View(4000, 0, 4000, 10, 60, 3000));
                }
                pane.session().tick();
                return null;
            });
            assertEquals(step, (int) FxThread.call(pane::tourStep));
            assertNoSecret(FxThread.call(() -> ScreenText.of(pane)), "tour step " + step);
            assertFalse(String.join(" ", labels(pane)).matches(".*(988|987|777).*"), "tour step " + step + ": " + labels(pane));
            if (step == 2) {
                OrbitCamera.View home = FxThread.call(() -> pane.viewport().cityScene().homeView());
                ScreenText.waitUntil(() -> FxThread.call(() -> {
                    OrbitCamera.View view = pane.viewport().cityScene().camera().view();
                    return Math.abs(view.distance() - home.distance()) < 1 && Math.abs(view.targetX() - home.targetX()) < 1
                            && Math.abs(view.targetZ() - home.targetZ()) < 1;
                }), "the Rhine step flies home, not to a confidential water level");
            }
            now.set(now.get().plusSeconds(12));
        }
    }

    @Test
    void aStreamThatBecomesConfidentialLeavesTheKiosk() throws Exception {
        store = LiveStore.open(folder, null);
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.putThing(new Thing("test", "box", "Box", "", Map.of(), "house-b", Double.NaN, Double.NaN));
        Datastream pm10 = new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        long id = store.putDatastream(pm10);
        store.write(List.of(Observation.number("test", "box/pm10", time, 23.5)));

        KioskPane pane = kiosk();
        followPublicFeed(pane);
        ScreenText.waitFor(pane, "23,5 µg/m³");

        store.putDatastream(new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.CONFIDENTIAL));
        ScreenText.waitUntil(() -> !FxThread.call(() -> ScreenText.of(pane)).contains("23,5"), "the stream made confidential leaves the card");
        assertEquals(0, (int) FxThread.call(pane::markerCount));
        AtomicInteger refused = new AtomicInteger();
        feed.series(id, time.minus(Duration.ofHours(1)), time.plusSeconds(1), 10, points -> refused.incrementAndGet());
        // No public stream is left to ask for after it; an export's read of the same stream, next on the feed's one
        // lane, answers (without it) after the chart's would have.
        AtomicReference<Object> exported = new AtomicReference<>();
        feed.seriesOf(List.of(id), time.minus(Duration.ofHours(1)), time.plusSeconds(1), 10, exported::set, exported::set);
        ScreenText.waitUntil(() -> exported.get() != null, "the export's read answers, or says why not");
        assertEquals(Map.of(), exported.get(), "nor is its history exported");
        assertEquals(0, refused.get(), "nor is its history charted");
    }

    /** A feed names a stream with a right-to-left override and a terminal escape: the screens show them as escapes. */
    @Test
    void feedTextOnTheCardPanelAndLabelsCannotHideBehindControlOrBidiCharacters() throws Exception {
        store = LiveStore.open(folder, null);
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String property = "PM10 concentration";
        String forged = "ozone \u202Eevol \u001b[2J";
        store.putThing(new Thing("test", "box", "Box", "", Map.of(), "house-b", Double.NaN, Double.NaN));
        store.putDatastream(new Datastream("test", "box/pm10", "box", "PM10", property, "", "", "µg\u202E/m³", Classification.PUBLIC));
        store.putDatastream(new Datastream("test", "box/forged", "box", "Forged", forged, "", "", "ppm", Classification.PUBLIC));
        store.putDatastream(new Datastream("test", "box/note", "box", "Note", "note", "", "", "", Classification.PUBLIC));
        store.write(List.of(Observation.number("test", "box/pm10", time, 23.5), Observation.number("test", "box/forged", time, 4),
                Observation.text("test", "box/note", time, "all clear\u001b[1A\rALARM")));

        KioskPane pane = kiosk();
        List<LiveFeed.Snapshot> received = followPublicFeed(pane);
        FxThread.call(() -> {
            // House B small in the middle, its label inside the view and clear of the card on the right.
            CityScene scene = pane.viewport().cityScene();
            double[] house = scene.city().objectCentre(scene.city().meshes().objectIndex("house-b"));
            scene.camera().set(scene.viewAround(house[0], house[1], house[2], 80));
            return null;
        });
        String card = ScreenText.waitFor(pane, "ozone");
        ScreenText.waitUntil(() -> !labels(pane).isEmpty(), "a value label over house B");
        String panel = FxThread.call(() -> {
            InfoPanel info = new InfoPanel();
            new Scene(info, 400, 800);
            info.showPoint("point:6.90000,51.10000", latest(received).of("house-b"), time);
            return ScreenText.of(info);
        });
        for (String shown : List.of(card, panel, String.join("\n", labels(pane)))) {
            assertTrue(shown.chars().noneMatch(c -> c == 0x202E || c == 0x1B || c == '\r'), shown);
        }
        assertTrue(card.contains("ozone \\u202Eevol \\u001B[2J"), card);
        assertTrue(panel.contains("ozone \\u202Eevol \\u001B[2J") && panel.contains("all clear\\u001B[1A\\rALARM"), panel);
        assertEquals(List.of("24 µg\\u202E/m³"), labels(pane));
    }

    /** The kiosk's own feed (public streams only) shown on {@code pane}, house B selected; every snapshot it sent. */
    private List<LiveFeed.Snapshot> followPublicFeed(KioskPane pane) throws Exception {
        List<LiveFeed.Snapshot> received = new CopyOnWriteArrayList<>();
        feed = new LiveFeed(store, Duration.ofMillis(50), EnumSet.of(Classification.PUBLIC), background);
        FxThread.call(() -> {
            feed.addListener(snapshot -> {
                received.add(snapshot);
                pane.showLive(snapshot);
            });
            pane.select("house-b");
            return null;
        });
        return received;
    }

    private static LiveFeed.Snapshot latest(List<LiveFeed.Snapshot> received) {
        return received.isEmpty() ? LiveFeed.Snapshot.EMPTY : received.get(received.size() - 1);
    }

    private static void assertNoSecret(String text, String where) {
        for (String secret : List.of("987", "988", "777", "NOx")) {
            assertFalse(text.contains(secret), where + " shows '" + secret + "':" + text);
        }
    }

    /** The value labels on screen now. */
    private static List<String> labels(KioskPane pane) throws Exception {
        return FxThread.call(() -> {
            pane.applyCss();
            pane.layout();
            return pane.viewport().valueLabels().getChildrenUnmodifiable().stream().filter(Node::isVisible)
                    .map(node -> ((Labeled) node).getText()).toList();
        });
    }

    @Test
    void leftAloneTheKioskResetsAndTourUntilSomeoneTouchesIt() throws Exception {
        KioskPane pane = kiosk();
        FxThread.call(() -> {
            pane.texts().setLocale(Texts.ENGLISH);
            pane.setTheme("Noise");
            pane.select("house-b");
            return null;
        });
        now.set(now.get().plusSeconds(89));
        FxThread.call(() -> {
            pane.session().tick();
            return null;
        });
        assertEquals(-1, (int) FxThread.call(pane::tourStep), "89 s: still the visitor's session");
        assertTrue(FxThread.call(pane::isCardShown));

        now.set(now.get().plusSeconds(1));
        FxThread.call(() -> {
            pane.session().tick();
            return null;
        });
        assertEquals(0, (int) FxThread.call(pane::tourStep), "90 s: the tour starts");
        assertEquals(Texts.GERMAN, FxThread.call(() -> pane.texts().locale()), "back to the default language");
        assertFalse(FxThread.call(pane::isCardShown), "the card is closed");
        assertEquals("PM10", FxThread.call(pane::theme));
        assertEquals(null, FxThread.call(pane::selectedPlace));
        assertTrue(FxThread.call(() -> ScreenText.of(pane)).contains("Smart Industrial City"), "the first caption");

        now.set(now.get().plusSeconds(12));
        FxThread.call(() -> {
            pane.session().tick();
            return null;
        });
        assertEquals(1, (int) FxThread.call(pane::tourStep), "the next step after 12 s");

        FxThread.call(() -> {
            pane.fireEvent(new MouseEvent(MouseEvent.MOUSE_PRESSED, 100, 100, 100, 100, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, true, false, false, null));
            return null;
        });
        assertEquals(-1, (int) FxThread.call(pane::tourStep), "a touch stops the tour");
        now.set(now.get().plusSeconds(60));
        FxThread.call(() -> {
            pane.session().tick();
            return null;
        });
        assertEquals(-1, (int) FxThread.call(pane::tourStep), "and the idle time counts from the touch");
    }

    @Test
    void aBookmarkNamedAfterATourStepSetsWhereTheTourFlies() throws Exception {
        KioskPane pane = kiosk();
        OrbitCamera.View bookmarked = new OrbitCamera.View(12, -3, -40, 30, 50, 222);
        now.set(now.get().plusSeconds(90));
        FxThread.call(() -> {
            pane.setTourViews(Map.of("city", bookmarked));
            pane.session().tick();
            return null;
        });
        ScreenText.waitUntil(() -> FxThread.call(() -> {
            OrbitCamera.View view = pane.viewport().cityScene().camera().view();
            return Math.abs(view.distance() - 222) < 0.5 && Math.abs(view.targetZ() + 40) < 0.5;
        }), "the tour's first step flies to the bookmarked view");
    }

    @Test
    void everyTextOnScreenIsInTheChosenLanguageAndOneTapSwitches() throws Exception {
        KioskPane pane = kiosk();
        FxThread.call(() -> {
            pane.select("house-b");
            pane.session().tick();
            return null;
        });
        assertTrue(buttonTexts(pane).contains("Luft jetzt"), buttonTexts(pane).toString());
        assertInLanguage(pane, Texts.bundle(Texts.ENGLISH), "German");
        Button other = FxThread.call(() -> (Button) pane.lookupAll(".button").stream()
                .filter(node -> ((Button) node).getText().equals("English")).findFirst().orElseThrow());
        FxThread.call(() -> {
            other.fire();
            return null;
        });
        assertEquals(Texts.ENGLISH, FxThread.call(() -> pane.texts().locale()));
        assertTrue(buttonTexts(pane).contains("Air now"), buttonTexts(pane).toString());
        assertInLanguage(pane, Texts.bundle(Texts.GERMAN), "English");
        assertTrue(buttonTexts(pane).contains("Deutsch"), "and back in one tap");
    }

    /** No text on screen is a text of the other language that this one says differently. */
    private static void assertInLanguage(KioskPane pane, ResourceBundle otherLanguage, String language) throws Exception {
        ResourceBundle shown = Texts.bundle(otherLanguage.getLocale().equals(Texts.GERMAN) ? Texts.ENGLISH : Texts.GERMAN);
        Set<String> foreign = new HashSet<>();
        for (String key : otherLanguage.keySet()) {
            if (!otherLanguage.getString(key).equals(shown.getString(key)) && !otherLanguage.getString(key).contains("{")) {
                foreign.add(otherLanguage.getString(key));
            }
        }
        String all = FxThread.call(() -> ScreenText.of(pane));
        for (String line : all.split("\n")) {
            assertFalse(foreign.contains(line), "'" + line + "' is not " + language);
        }
    }

    @Test
    void everyButtonIsLargeEnoughForAFinger() throws Exception {
        KioskPane pane = kiosk();
        List<String> small = FxThread.call(() -> {
            pane.select("house-b");
            pane.applyCss();
            pane.layout();
            List<String> tooSmall = new ArrayList<>();
            for (Node node : pane.lookupAll(".button")) {
                Button button = (Button) node;
                if (button.isVisible() && (button.getWidth() < 48 || button.getHeight() < 48)) {
                    tooSmall.add(button.getText() + " " + button.getWidth() + "x" + button.getHeight());
                }
            }
            return tooSmall;
        });
        assertEquals(List.of(), small);
        assertTrue(buttonTexts(pane).size() >= 8, buttonTexts(pane).toString());
    }

    @Test
    void onlyTheAdminKeysAndTheRightPinLeave() throws Exception {
        KioskPane pane = kiosk();
        FxThread.call(() -> {
            pane.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
            return null;
        });
        assertFalse(FxThread.call(pane::isPinPromptShown), "Escape does nothing");
        FxThread.call(() -> {
            pane.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q, true, true, false, false));
            return null;
        });
        assertTrue(FxThread.call(pane::isPinPromptShown), "Ctrl+Shift+Q asks for the PIN");
        FxThread.call(() -> {
            pane.enterPin("1234");
            return null;
        });
        assertEquals(0, exits.get());
        assertTrue(FxThread.call(() -> ScreenText.of(pane)).contains("Falsche PIN"));
        FxThread.call(() -> {
            pane.enterPin(PIN);
            return null;
        });
        assertEquals(1, exits.get());
    }

    @Test
    void theSourcesStatesShowOnlyAfterThePinAndLeaveWithTheVisitorsSession() throws Exception {
        KioskPane pane = kiosk();
        Instant since = Instant.parse("2026-11-29T09:00:00Z");
        FxThread.call(() -> {
            pane.showSources(List.of(new SourceStatus("sensorthings https://edge.example/v1.1", SourceStatus.State.OFFLINE, since, null,
                    "connection refused")));
            return null;
        });
        assertFalse(FxThread.call(() -> ScreenText.of(pane)).contains("edge.example"), "visitors never see the sources");

        FxThread.call(() -> {
            pane.showPinPrompt();
            pane.enterPinForStatus("0000");
            return null;
        });
        assertFalse(FxThread.call(pane::isMaintenanceShown), "a wrong PIN opens nothing");
        FxThread.call(() -> {
            pane.enterPinForStatus(PIN);
            return null;
        });

        assertTrue(FxThread.call(pane::isMaintenanceShown));
        String shown = FxThread.call(() -> ScreenText.of(pane));
        // In the kiosk's language, German here; the problem as the source worded it.
        assertTrue(shown.contains("sensorthings https://edge.example/v1.1: nicht erreichbar seit"), shown);
        assertTrue(shown.contains("(connection refused)"), shown);
        assertEquals(0, exits.get(), "the status does not leave the kiosk");

        now.set(now.get().plusSeconds(90));
        FxThread.call(() -> {
            pane.session().tick();
            return null;
        });
        assertFalse(FxThread.call(pane::isMaintenanceShown), "an administrator who walks away leaves nothing open for visitors");
    }

    @Test
    void afterThreeWrongPinsThePromptWaitsSaysHowLongAndThenTakesTheRightPin() throws Exception {
        KioskPane pane = kiosk();
        FxThread.call(() -> {
            pane.showPinPrompt();
            for (String guess : List.of("0000", "1111", "2222")) {
                pane.enterPin(guess);
            }
            pane.enterPin(PIN);
            return null;
        });
        assertEquals(0, exits.get(), "the right PIN during the wait is not taken");
        String waiting = FxThread.call(() -> ScreenText.of(pane));
        assertTrue(waiting.contains("Zu viele falsche PINs: wieder möglich in 0:30"), waiting);
        assertTrue(FxThread.call(() -> pane.lookup(".password-field").isDisabled()), "the PIN field takes no input while it waits");

        now.set(now.get().plusSeconds(30));
        FxThread.call(() -> {
            pane.enterPin(PIN);
            return null;
        });
        assertEquals(1, exits.get(), "after the wait the right PIN leaves");
    }

    private static List<String> buttonTexts(KioskPane pane) throws Exception {
        return FxThread.call(() -> pane.lookupAll(".button").stream().filter(Node::isVisible).map(node -> ((Button) node).getText()).toList());
    }

    @Test
    void theAirButtonFliesToWhereTheColouredBuildingsAre() throws Exception {
        KioskPane pane = kiosk();
        Datastream pm10 = new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        de.dormagentwin.live.store.Latest value = new de.dormagentwin.live.store.Latest(1, pm10, "house-c", now.get(), 31, null, 1, null);
        double[] house = FxThread.call(() -> {
            pane.showLive(new LiveFeed.Snapshot(Map.of("house-c", List.of(value)), 1));
            CityScene scene = pane.viewport().cityScene();
            scene.camera().set(scene.homeView());
            pane.lookupAll(".button").stream().map(node -> (Button) node).filter(button -> "Luft jetzt".equals(button.getText()))
                    .findFirst().orElseThrow().fire();
            return scene.city().objectCentre(scene.city().meshes().objectIndex("house-c"));
        });
        OrbitCamera.View home = FxThread.call(() -> pane.viewport().cityScene().homeView());
        ScreenText.waitUntil(() -> FxThread.call(() -> {
            OrbitCamera.View view = pane.viewport().cityScene().camera().view();
            return Math.abs(view.targetX() - house[0]) < 0.5 && Math.abs(view.targetZ() - house[2]) < 0.5
                    && view.distance() < home.distance() / 2;
        }), "the camera flies to the one coloured house, close enough to see it");
    }

    @Test
    void theTourCaptionLeavesTheLegendFreeAndTheTapHintHidesWhileTheTourRuns() throws Exception {
        KioskPane pane = kiosk();
        Datastream pm10 = new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        de.dormagentwin.live.store.Latest value = new de.dormagentwin.live.store.Latest(1, pm10, "house-c", now.get(), 31, null, 1, null);
        Datastream air = new Datastream("test", "box/t", "box", "Temperature", "air temperature", "", "", "°C", Classification.PUBLIC);
        de.dormagentwin.live.store.Latest warm = new de.dormagentwin.live.store.Latest(2, air, "house-b", now.get(), 12.5, null, 1, null);
        Node hint = FxThread.call(() -> {
            pane.showLive(new LiveFeed.Snapshot(Map.of("house-c", List.of(value), "house-b", List.of(warm)), 2));
            return pane.lookupAll(".label").stream().filter(node -> ((Labeled) node).getText().startsWith("Tippen")).findFirst().orElseThrow();
        });
        assertTrue(FxThread.call(hint::isVisible), "the hint before the tour");
        now.set(now.get().plusSeconds(90));
        for (int step = 0; step < 4; step++) {
            FxThread.call(() -> {
                pane.session().tick();
                pane.applyCss();
                pane.layout();
                return null;
            });
            int shown = step;
            FxThread.call(() -> {
                javafx.geometry.Bounds legend = pane.viewport().legend().localToScene(pane.viewport().legend().getBoundsInLocal());
                Node caption = pane.lookupAll(".label").stream().filter(node -> node.isVisible() && ((Labeled) node).getText().contains("\n"))
                        .findFirst().orElseThrow();
                javafx.geometry.Bounds text = caption.localToScene(caption.getBoundsInLocal());
                assertTrue(pane.viewport().legend().isVisible(), "step " + shown + " shows a legend");
                assertFalse(text.intersects(legend), "step " + shown + ": the caption " + text + " covers the legend " + legend);
                assertFalse(hint.isVisible(), "step " + shown + ": no tap hint during the tour");
                return null;
            });
            now.set(now.get().plusSeconds(12));
        }
        FxThread.call(() -> {
            pane.fireEvent(new MouseEvent(MouseEvent.MOUSE_PRESSED, 100, 100, 100, 100, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, true, false, false, null));
            return null;
        });
        assertTrue(FxThread.call(hint::isVisible), "the hint is back when a visitor takes over");
    }

    @Test
    void theRhineStepShowsTheGaugesLevelLargeWithItsTrendAndAWordForIt() throws Exception {
        KioskPane pane = kiosk();
        Datastream level = new Datastream("test", "gauge/level", "gauge", "Gauge Rhein Dormagen: water level", "water level",
                "river gauge", "centimetre", "cm", Classification.PUBLIC);
        de.dormagentwin.live.store.Latest value = new de.dormagentwin.live.store.Latest(7, level, "house-a", now.get(), 412, null, 1, null);
        // A week at 3 m, then 3.80 m three hours ago: rising, and higher than the week's usual.
        List<de.dormagentwin.live.store.SeriesPoint> week = new ArrayList<>();
        for (int hour = 168; hour >= 1; hour--) {
            double mean = hour == 3 ? 380 : hour < 3 ? 400 : 300;
            week.add(new de.dormagentwin.live.store.SeriesPoint(now.get().minus(Duration.ofHours(hour)), mean, mean, mean, 1));
        }
        FxThread.call(() -> {
            pane.setSeries((id, from, to, maxPoints, onFxThread) -> onFxThread.accept(id == 7 ? week : List.of()));
            pane.showLive(new LiveFeed.Snapshot(Map.of("house-a", List.of(value)), 1));
            return null;
        });
        now.set(now.get().plusSeconds(90));
        for (int step = 0; step < 4; step++) {
            FxThread.call(() -> {
                pane.session().tick();
                return null;
            });
            String gauge = FxThread.call(pane::gaugeText);
            if (step == 2) {
                assertTrue(gauge.contains("Gauge Rhein Dormagen") && gauge.contains("4,12 m") && gauge.contains("steigend, 32 cm")
                        && gauge.contains("Höher als sonst"), gauge);
            } else {
                assertEquals("", gauge, "step " + step);
            }
            now.set(now.get().plusSeconds(12));
        }
        FxThread.call(() -> {
            pane.texts().setLocale(Texts.ENGLISH);
            pane.lookupAll(".button").stream().map(node -> (Button) node).filter(button -> "The Rhine".equals(button.getText()))
                    .findFirst().orElseThrow().fire();
            return null;
        });
        String english = FxThread.call(pane::gaugeText);
        assertTrue(english.contains("4.12 m") && english.contains("rising, 32 cm") && english.contains("Higher than usual"), english);
    }

    @Test
    void aTapOnTheOverviewOpensTheDistrictsCardAndCloseUpTheBuildings() throws Exception {
        CityMeshes town = Fixtures.meshes(Fixtures.writeTown(folder.resolve("town.city.json")));
        Datastream first = new Datastream("test", "a/pm10", "a", "PM10 a", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        Datastream second = new Datastream("test", "b/pm10", "b", "PM10 b", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        LiveFeed.Snapshot values = new LiveFeed.Snapshot(Map.of(
                "house-00", List.of(new de.dormagentwin.live.store.Latest(1, first, "house-00", now.get(), 20, null, 1, null)),
                "house-23", List.of(new de.dormagentwin.live.store.Latest(2, second, "house-23", now.get(), 30, null, 1, null))), 2);
        KioskPane pane = FxThread.call(() -> {
            KioskPane kiosk = new KioskPane(new CityViewport(new CityScene(town)), Texts.GERMAN, Duration.ofSeconds(90),
                    clock, PIN, exits::incrementAndGet);
            new Scene(kiosk, 1280, 800);
            kiosk.applyCss();
            kiosk.layout();
            kiosk.showLive(values);
            return kiosk;
        });
        String overview = FxThread.call(() -> {
            CityScene scene = pane.viewport().cityScene();
            scene.camera().set(scene.homeView());
            pane.tap(scene.city().meshes().objectIndex("house-11"), null);
            return ScreenText.of(pane);
        });
        assertEquals("Testdorf", FxThread.call(pane::selectedDistrict), overview);
        assertTrue(overview.contains("Stadtteil") && overview.contains("25 µg/m³") && overview.contains("Mittel aus 2 Messstellen"), overview);

        String closeUp = FxThread.call(() -> {
            CityScene scene = pane.viewport().cityScene();
            scene.camera().set(scene.namedView("house-11"));
            pane.tap(scene.city().meshes().objectIndex("house-11"), null);
            return ScreenText.of(pane);
        });
        assertEquals(null, FxThread.call(pane::selectedDistrict));
        assertEquals("house-11", FxThread.call(pane::selectedPlace), closeUp);
    }
}
