package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.geo.CrsTransform;
import de.dormagentwin.model.io.ModelLoadException;
import de.dormagentwin.model.text.SafeText;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Brings the models of files opened together into the CRS of the first: Berlin's tiles in EPSG:25833 beside NRW's in
 * 25832 land where they are instead of 400 km off, overlaid on the wrong town. Easting and northing are transformed,
 * heights stay as the files give them. A file whose CRS cannot be placed (none, a name that is no EPSG code, or a
 * geographic CRS such as EPSG:4326 in degrees) is refused rather than overlaid, unless it names exactly what the
 * first file names, which then shares its coordinates.
 *
 * <p>The first model handed to {@link #align} sets the CRS. The transform runs on the caller's thread (the loading
 * worker, never the FX thread), outside the lock, so workers may align their models at once.
 */
final class CrsAlignment {
    private static final System.Logger LOG = System.getLogger(CrsAlignment.class.getName());

    private boolean targetSet;
    private String targetName;
    private Crs target;
    private String targetFile;
    private final Map<Crs, Integer> transformed = new TreeMap<>(Comparator.comparingInt(Crs::epsg));

    /** The model in the first model's CRS: itself where it is in it already, else a transformed copy. */
    CityModel align(CityModel model) throws ModelLoadException {
        CrsTransform transform = transformFor(model.name(), model.referenceSystem());
        if (transform == null) {
            return model;
        }
        long start = System.nanoTime();
        double[] vertices = Arrays.copyOf(model.vertexArray(), model.vertexCount() * 3);
        transform.apply(vertices, model.vertexCount());
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(Locale.ROOT, "%s: %,d vertices transformed into %s in %.1f ms",
                SafeText.of(model.name()), model.vertexCount(), target, (System.nanoTime() - start) / 1e6));
        return new CityModel(model.name(), target.url(), model.metadata(), vertices, model.vertexCount(), model.objects(), model.problems(),
                model.notes(), model.skippedObjects(), model.textures());
    }

    /**
     * The transform that brings a file's coordinates into the first file's CRS; null where they are in it already (or
     * where this is the first file). Counted for {@link #summary()}: call it once per file.
     */
    CrsTransform transformFor(String fileName, String referenceSystem) throws ModelLoadException {
        Crs crs = Crs.parse(referenceSystem);
        Crs to;
        String toName;
        String toFile;
        synchronized (this) {
            if (!targetSet) {
                targetSet = true;
                targetName = referenceSystem;
                target = crs;
                targetFile = fileName;
                return null;
            }
            to = target;
            toName = targetName;
            toFile = targetFile;
        }
        if (Objects.equals(referenceSystem, toName) || crs != null && crs.equals(to)) {
            return null;
        }
        if (to == null || !CrsTransform.isProjected(to)) {
            throw new ModelLoadException(fileName + ": not drawn beside " + toFile + ", whose CRS (" + describe(toName)
                    + ") is not a projected CRS that EPSG defines: nothing can be transformed into it");
        }
        if (crs == null || !CrsTransform.isProjected(crs)) {
            throw new ModelLoadException(fileName + ": its CRS (" + describe(referenceSystem)
                    + ") is not a projected CRS that EPSG defines: it cannot be transformed into " + to + " to be drawn beside " + toFile);
        }
        synchronized (this) {
            transformed.merge(crs, 1, Integer::sum);
        }
        return CrsTransform.between(crs, to);
    }

    /** The CRS of the first file as it names it; null where it names none or no file has come. */
    synchronized String referenceSystem() {
        return target != null ? target.url() : targetName;
    }

    /** "2 files transformed from EPSG:25833 to EPSG:25832" for the status bar; null where none was. */
    synchronized String summary() {
        if (transformed.isEmpty()) {
            return null;
        }
        int files = transformed.values().stream().mapToInt(Integer::intValue).sum();
        String count = files + (files == 1 ? " file" : " files") + " transformed ";
        if (transformed.size() == 1) {
            return count + "from " + transformed.keySet().iterator().next() + " to " + target;
        }
        return count + "to " + target + " (" + transformed.entrySet().stream().map(entry -> entry.getValue() + " from " + entry.getKey())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(String referenceSystem) {
        return referenceSystem == null ? "none named" : SafeText.of(referenceSystem, 200);
    }
}
