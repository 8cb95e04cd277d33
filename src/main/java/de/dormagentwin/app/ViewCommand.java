package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.ModelInput;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.ui.PlannerLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code twin view}: the planner's viewer window, on the bundled sample unless files are named. */
@Command(name = "view", description = "Open the 3D viewer (the bundled Dormagen sample by default).")
final class ViewCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(ViewCommand.class.getName());
    /** The README's way to run the viewer where there is no display. */
    static final String XVFB_RUN = "xvfb-run -a -s \"-screen 0 1920x1080x24\"";

    @Option(names = "--model", arity = "1..*", paramLabel = "FILE", description = "City model files or folders of them to show: CityJSON, CityJSONSeq, CityGML.")
    List<Path> models;

    @Option(names = "--lod", description = "Level of detail to draw (default: each object's highest).")
    LodChoice lod = LodChoice.HIGHEST;

    @Option(names = "--terrain", arity = "1..*", paramLabel = "FILE", description = "Terrain under the models: ESRI ASCII grids (.asc) or "
            + "gridded XYZ such as NRW's DGM1 tiles (.xyz, .xyz.gz) (default: the NAME.terrain.asc beside each model file, if any).")
    List<Path> terrain;

    @Option(names = "--no-terrain", description = "Draw the flat ground plane only, not even the terrain beside the models.")
    boolean noTerrain;

    @Option(names = "--camera", defaultValue = "home", description = "Start view: home, panorama, top, chempark, a district name or an object id (default ${DEFAULT-VALUE}).")
    String camera;

    @Mixin
    CacheOptions cache = new CacheOptions();

    @Option(names = "--bindings", paramLabel = "FILE", description = "Which city object each datastream belongs to (default: the sample's, with the sample).")
    Path bindings;

    @Option(names = "--no-simulator", description = "Do not run the sample's simulated sensor network; show what the cache holds.")
    boolean noSimulator;

    @Option(names = "--variant", paramLabel = "FILE", description = "A planning variant to show: GeoJSON footprints with a height (repeatable).")
    List<Path> variants;

    @Option(names = "--service", description = {"Read live data through the twin serve that holds the cache only: wait for it "
            + "if it is not running yet, and never hold the cache or run sources in this process.",
            "Without it the viewer reads through a running service, or else holds the cache itself."})
    boolean service;

    @Option(names = "--language", paramLabel = "de|en", description = "The planner's language for this run (default: the one chosen in "
            + "its menu, else German where the system's language is German, else English); the choice kept stays as it is.")
    String language;

    @Option(names = "--kiosk", description = "The exhibition kiosk: full screen, touch, public data only; leaving needs the PIN from the configuration (kiosk.pin).")
    boolean kiosk;

    @Override
    public Integer call() {
        TwinConfig.Kiosk kioskSettings = null;
        if (kiosk) {
            // A kiosk runs unattended for weeks: what went wrong is kept in a file for whoever comes to look.
            Logs.configure("kiosk");
            TwinConfig config;
            Optional<String> readable;
            try {
                config = TwinConfig.load(cache.configFile());
                readable = TwinConfig.readableByOthers(cache.configFile());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage());
                return 2;
            }
            if (config.kiosk().pin() == null) {
                LOG.log(System.Logger.Level.ERROR, "kiosk mode needs a PIN to leave it: set {\"kiosk\": {\"pin\": \"...\"}} in " + cache.configFile());
                return 2;
            }
            if (readable.isPresent()) {
                // As ssh with a private key: a PIN that anyone on the machine can read is no lock on a public screen.
                LOG.log(System.Logger.Level.ERROR, "the kiosk will not start: " + cache.configFile() + " holds its PIN and others can read it ("
                        + readable.get() + "); make it the kiosk user's alone: " + TwinConfig.chmodCommand(cache.configFile()));
                return 2;
            }
            kioskSettings = config.kiosk();
        }
        if (language != null && (kiosk || PlannerLanguage.parse(language) == null)) {
            System.err.println(kiosk ? "twin: --language is the planner's; the kiosk's language is kiosk.language in " + cache.configFile()
                    : "twin: --language must be de or en, not '" + SafeText.of(language, 40) + "'");
            return 2;
        }
        if (noTerrain && terrain != null) {
            System.err.println("twin: --terrain and --no-terrain contradict each other");
            return 2;
        }
        try {
            // Before the window opens: a FIFO or a device named here would block or never end its loading, and a
            // mistyped name is said on the command line, not in a window that then shows nothing.
            for (Path model : models == null ? List.<Path>of() : models) {
                requireExisting(model);
                ModelFiles.requireFileOrFolder(model);
            }
            for (List<Path> files : Arrays.asList(terrain, variants, bindings == null ? null : List.of(bindings))) {
                for (Path file : files == null ? List.<Path>of() : files) {
                    requireExisting(file);
                    ModelInput.requireRegularFile(file);
                }
            }
        } catch (IOException e) {
            System.err.println("twin: " + SafeText.of(e.getMessage(), 1_000));
            return 1;
        }
        try {
            return ViewerApp.launch(settings(kioskSettings));
        } catch (UnsupportedOperationException noDisplay) {
            // GTK's "Unable to open DISPLAY": on a server the way out is a virtual display.
            System.err.println("twin: no display to open the viewer on (" + SafeText.of(String.valueOf(noDisplay.getMessage()))
                    + "); on a machine without one run it under Xvfb: " + XVFB_RUN + " bin/twin");
            return 1;
        }
    }

    /**
     * The viewer's settings from the options, checked: the bundled sample with its bindings where no model is named.
     *
     * @param kioskSettings the kiosk's settings from the configuration, null for the planner
     */
    ViewerSettings settings(TwinConfig.Kiosk kioskSettings) {
        boolean sample = models == null || models.isEmpty();
        return new ViewerSettings(sample ? List.of(ModelFiles.sample()) : models, lod, TerrainFiles.of(terrain, noTerrain), camera,
                cache.folder(), cache.configFile(), !noSimulator, service, bindings != null ? bindings : sample ? ModelFiles.sampleBindings() : null,
                variants == null ? List.of() : variants, kioskSettings, PlannerLanguage.parse(language));
    }

    private static void requireExisting(Path file) throws NoSuchFileException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file + ": no such file or folder");
        }
    }
}
