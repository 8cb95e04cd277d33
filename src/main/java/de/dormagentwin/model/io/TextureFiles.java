package de.dormagentwin.model.io;

import de.dormagentwin.model.text.SafeText;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The texture images one model file names, checked before anything is drawn with them. A file's image references are
 * hostile text: an image is taken only where it lies in the model's folder or below (no absolute path, no {@code ..}
 * or link out of it, no URL: nothing is fetched from the network), is a regular file of at most {@value #MOST_BYTES}
 * bytes, and its header declares an image of at most {@value #MOST_PIXELS} pixels. Only the header is read here; the
 * scene decodes the pixels when it meshes the tile. Each image refused is a note naming it and why; nothing is thrown.
 */
final class TextureFiles {
    /** Larger than any texture photo of a façade; the image is scaled down to an atlas of at most 2048 x 2048 anyway. */
    static final long MOST_BYTES = 64L << 20;
    /** 8192 x 8192: decoded at a fraction of its size, still more than a tile's atlas shows. */
    static final long MOST_PIXELS = 1L << 26;
    /** Refused images named one by one; beyond these, one note counts the rest. */
    private static final int MOST_NOTES = 10;
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    private final Path folder;
    private final String fileName;
    private final Map<String, Integer> indexByReference = new HashMap<>();
    private final List<Path> images = new ArrayList<>();
    /** Per refused reference, why, and how many surfaces it would have textured. */
    private final Map<String, String> refused = new LinkedHashMap<>();
    private final Map<String, Integer> refusedSurfaces = new HashMap<>();
    /** The file the last {@link #check} accepted. */
    private Path checked;

    /**
     * @param folder the model file's folder, which images must lie in; null for a model read from a stream, whose
     *               images then have nowhere to be
     */
    TextureFiles(Path folder, String fileName) {
        this.folder = folder;
        this.fileName = fileName;
    }

    /**
     * The index of the image {@code reference} names among {@link #images()}, or -1 where it is refused (the
     * reason is noted once, the surfaces counted). Each reference is checked once.
     *
     * @param surfaces how many surfaces this use textures, for the note where the image is refused
     */
    int use(String reference, int surfaces) {
        String key = reference == null ? "" : reference;
        Integer known = indexByReference.get(key);
        if (known == null) {
            String reason = check(key);
            if (reason == null) {
                known = images.size();
                images.add(checked);
            } else {
                known = -1;
                refused.put(key, reason);
            }
            indexByReference.put(key, known);
        }
        if (known < 0) {
            refusedSurfaces.merge(key, surfaces, Integer::sum);
        }
        return known;
    }

    List<Path> images() {
        return List.copyOf(images);
    }

    /** One note per refused image (the first few), saying why and what its surfaces show instead. */
    void addNotes(List<String> notes) {
        int named = 0;
        int rest = 0;
        int restSurfaces = 0;
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            int surfaces = refusedSurfaces.getOrDefault(entry.getKey(), 0);
            if (named < MOST_NOTES) {
                notes.add(fileName + ": texture image `" + SafeText.of(entry.getKey(), 200) + "` not drawn: " + entry.getValue()
                        + "; " + surfaces(surfaces));
                named++;
            } else {
                rest++;
                restSurfaces += surfaces;
            }
        }
        if (rest > 0) {
            notes.add(fileName + ": " + rest + " more texture images not drawn; " + surfaces(restSurfaces));
        }
    }

    private static String surfaces(int count) {
        return count == 1 ? "its surface is drawn in its material's colour or the viewer's"
                : "its " + count + " surfaces are drawn in their material's colour or the viewer's";
    }

    /** Why the image cannot be used, or null where it can. */
    private String check(String reference) {
        if (reference.isBlank()) {
            return "the reference is empty";
        }
        String relative = reference.replace('\\', '/');
        if (URL_SCHEME.matcher(relative).find() || relative.startsWith("//")) {
            return "it is a URL or names a drive, and images are read only from the model's folder (nothing is fetched from the network)";
        }
        if (relative.startsWith("/")) {
            return "it is an absolute path; images are read only from the model's folder";
        }
        if (folder == null) {
            return "the model was not read from a file, so its images have no folder to be read from";
        }
        Path file;
        Path base = folder.toAbsolutePath().normalize();
        try {
            file = base.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return "it is not a file name";
        }
        if (!file.startsWith(base) || file.equals(base)) {
            return "it leads out of the model's folder";
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return "the file is missing";
        }
        try {
            // A link inside the folder may point anywhere: where it really leads must be inside too.
            if (!file.toRealPath().startsWith(base.toRealPath())) {
                return "it leads out of the model's folder (through a link)";
            }
            if (!Files.isRegularFile(file)) {
                return "it is not a regular file";
            }
            long bytes = Files.size(file);
            if (bytes > MOST_BYTES) {
                return "the file has " + bytes + " bytes, more than the " + MOST_BYTES + " an image may have";
            }
        } catch (IOException e) {
            return "the file cannot be read (" + SafeText.of(e.getMessage(), 200) + ")";
        }
        checked = file;
        return checkHeader(file);
    }

    /** Reads the image's size from its header only: a header that claims 100,000 x 100,000 pixels allocates nothing. */
    private static String checkHeader(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return "it is not an image this viewer reads (PNG, JPEG, GIF, BMP)";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MOST_PIXELS || pixels <= 0) {
                    return "it declares " + reader.getWidth(0) + " x " + reader.getHeight(0) + " pixels, more than the "
                            + MOST_PIXELS + " an image may have";
                }
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "it cannot be read as an image (" + SafeText.of(String.valueOf(e.getMessage()), 200) + ")";
        }
    }
}
