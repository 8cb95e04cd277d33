package de.dormagentwin.app;

import de.dormagentwin.model.text.SmallTextFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's configuration, a JSON file: {@code {"cache": {"password": "...", "retentionDays": 30},
 * "kiosk": {"pin": "...", "idleSeconds": 90, "language": "de", "tour": "tour-bookmarks.json"},
 * "sources": [...]}} (the live sources, see {@link SourceSettings}). Optional; a missing file means the defaults, a
 * broken one is an error that says where. It lives in the user's config folder
 * ({@code $XDG_CONFIG_HOME/dormagen-twin/config.json}), or where {@code --config} says.
 *
 * <p>Every key is checked: an unknown key or a value of the wrong type is an error naming it, never ignored. A
 * misspelt {@code password} would otherwise leave the cache unencrypted without a word.
 */
record TwinConfig(String cachePassword, int retentionDays, Kiosk kiosk, List<SourceSettings> sources) {
    /** A configuration is a few lines; a larger file is no configuration. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int DEFAULT_RETENTION_DAYS = 30;

    /** The keys each object of the file may hold, by the object's path ("" for the top level). */
    private static final Map<String, List<String>> KEYS = keys();

    /** Permissions that let someone other than the owner read the file. */
    private static final Set<PosixFilePermission> READABLE_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    /**
     * The kiosk's settings: the PIN that leaves it (null: none set), when the tour starts, the visitors' first
     * language, and a bookmarks file whose views named city, chempark, rhine or air the tour flies to (null: none).
     */
    record Kiosk(String pin, int idleSeconds, String language, Path tour) {
        static final Kiosk DEFAULTS = new Kiosk(null, 90, "de", null);
    }

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("", List.of("cache", "kiosk", "sources"));
        keys.put("cache", List.of("password", "retentionDays"));
        keys.put("kiosk", List.of("pin", "idleSeconds", "language", "tour"));
        return keys;
    }

    /** Whether the file holds something that must stay with its owner: the cache's password or the kiosk's PIN. */
    boolean holdsSecret() {
        return cachePassword != null || kiosk.pin() != null;
    }

    static TwinConfig load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readTree(SmallTextFile.read(file, MAX_BYTES));
        } catch (NoSuchFileException e) {
            return new TwinConfig(null, DEFAULT_RETENTION_DAYS, Kiosk.DEFAULTS, List.of());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException("configuration " + file + " is not valid JSON" + where + ": "
                    + SafeText.of(e.getOriginalMessage().lines().findFirst().orElse("")), e);
        } catch (IOException e) {
            throw new IOException("configuration " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            return new TwinConfig(null, DEFAULT_RETENTION_DAYS, Kiosk.DEFAULTS, List.of());
        }
        if (!root.isObject()) {
            throw new IOException("configuration " + file + " must be a JSON object, such as {\"cache\": {\"retentionDays\": 30}}");
        }
        checkKeys(file, "", root);
        JsonNode cache = section(file, root, "cache");
        String password = null;
        if (cache.has("password")) {
            if (!cache.path("password").isTextual() || cache.path("password").asText().isEmpty()) {
                throw new IOException("configuration " + file + ": cache.password must be text, not empty (leave the key out for an unencrypted cache)");
            }
            password = cache.path("password").asText();
            if (password.indexOf(' ') >= 0) {
                // H2 separates the file password from the user password with a space.
                throw new IOException("configuration " + file + ": cache.password must not contain spaces");
            }
        }
        int retention = DEFAULT_RETENTION_DAYS;
        if (cache.has("retentionDays")) {
            if (!cache.path("retentionDays").canConvertToExactIntegral() || !cache.path("retentionDays").canConvertToInt()
                    || cache.path("retentionDays").asInt() < 1) {
                throw new IOException("configuration " + file + ": cache.retentionDays must be a whole number of days, 1 or more");
            }
            retention = cache.path("retentionDays").asInt();
        }
        return new TwinConfig(password, retention, kiosk(file, section(file, root, "kiosk")), SourceSettings.parse(file, root.path("sources")));
    }

    /** A section of the file: an object, or an empty one where the file has none. */
    private static JsonNode section(Path file, JsonNode root, String name) throws IOException {
        JsonNode section = root.path(name);
        if (section.isMissingNode()) {
            return JsonMapper.builder().build().createObjectNode();
        }
        if (!section.isObject()) {
            throw new IOException("configuration " + file + ": " + name + " must be an object, such as {\"" + name + "\": {...}}");
        }
        return section;
    }

    /** Every key of an object and of the objects it holds must be one this program reads. */
    private static void checkKeys(Path file, String path, JsonNode node) throws IOException {
        List<String> known = KEYS.getOrDefault(path, List.of());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String full = path.isEmpty() ? name : path + "." + name;
            if (!known.contains(name)) {
                String guess = guess(path, name);
                throw new IOException("configuration " + file + ": unknown key " + SafeText.of(full)
                        + (guess == null ? "" : " (did you mean " + guess + "?)"));
            }
            if (KEYS.containsKey(full) && node.get(name).isObject()) {
                checkKeys(file, full, node.get(name));
            }
        }
    }

    /** The known key nearest to a misspelt one: in its own object first, then anywhere; null where none is close. */
    private static String guess(String path, String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, List<String>> object : KEYS.entrySet()) {
            for (String known : object.getValue()) {
                // A key of another object counts only when it is spelt the same, such as "pin" put under "cache".
                int distance = object.getKey().equals(path) ? distance(name, known) : name.equalsIgnoreCase(known) ? 0 : Integer.MAX_VALUE;
                String full = object.getKey().isEmpty() ? known : object.getKey() + "." + known;
                if (distance < bestDistance && distance <= Math.max(1, Math.min(3, known.length() / 3))) {
                    best = full;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other, ignoring case. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }

    private static Kiosk kiosk(Path file, JsonNode kiosk) throws IOException {
        String pin = null;
        if (kiosk.has("pin")) {
            if (!kiosk.path("pin").isTextual() || kiosk.path("pin").asText().length() < 4) {
                throw new IOException("configuration " + file + ": kiosk.pin must be text of at least 4 characters, such as \"4711\"");
            }
            pin = kiosk.path("pin").asText();
        }
        int idle = Kiosk.DEFAULTS.idleSeconds();
        if (kiosk.has("idleSeconds")) {
            if (!kiosk.path("idleSeconds").canConvertToExactIntegral() || !kiosk.path("idleSeconds").canConvertToInt()
                    || kiosk.path("idleSeconds").asInt() < 10) {
                throw new IOException("configuration " + file + ": kiosk.idleSeconds must be a whole number of seconds, 10 or more");
            }
            idle = kiosk.path("idleSeconds").asInt();
        }
        String language = Kiosk.DEFAULTS.language();
        if (kiosk.has("language")) {
            if (!kiosk.path("language").isTextual() || !List.of("de", "en").contains(kiosk.path("language").asText())) {
                throw new IOException("configuration " + file + ": kiosk.language must be \"de\" or \"en\", not "
                        + SafeText.of(kiosk.path("language").toString(), 40));
            }
            language = kiosk.path("language").asText();
        }
        Path tour = null;
        if (kiosk.has("tour")) {
            if (!kiosk.path("tour").isTextual() || kiosk.path("tour").asText().isBlank()) {
                throw new IOException("configuration " + file + ": kiosk.tour must be the path of a bookmarks file, as text");
            }
            // Relative to the configuration file, so a kiosk's settings travel as one folder.
            tour = file.toAbsolutePath().resolveSibling(kiosk.path("tour").asText());
        }
        return new Kiosk(pin, idle, language, tour);
    }

    /**
     * The file's permissions in {@code ls} words ("rw-r--r--") where its group or others may read it; empty where
     * only its owner may, where it does not exist, or where the file system has no POSIX permissions to ask.
     */
    static Optional<String> readableByOthers(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null || !Files.exists(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        return permissions.stream().anyMatch(READABLE_BY_OTHERS::contains) ? Optional.of(PosixFilePermissions.toString(permissions)) : Optional.empty();
    }

    /** The command that makes the file its owner's alone, the path quoted where a shell would split it. */
    static String chmodCommand(Path file) {
        String path = file.toString();
        return "chmod 600 " + (path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'");
    }

    static Path defaultFile(Map<String, String> environment) {
        return userFolder(environment, "XDG_CONFIG_HOME", ".config").resolve("config.json");
    }

    /** The user's data folder for the cache: XDG on Linux, the platform's usual place elsewhere. */
    static Path defaultCacheFolder(Map<String, String> environment) {
        return userFolder(environment, "XDG_DATA_HOME", ".local/share").resolve("cache");
    }

    /**
     * The user's state folder, for what a running twin keeps about itself (its log files): XDG on Linux, the
     * platform's usual place elsewhere.
     */
    static Path defaultStateFolder(Map<String, String> environment) {
        return userFolder(environment, "XDG_STATE_HOME", ".local/state");
    }

    private static Path userFolder(Map<String, String> environment, String xdgVariable, String xdgDefault) {
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            return (local == null ? home.resolve("AppData/Local") : Path.of(local)).resolve("DormagenTwin");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/DormagenTwin");
        }
        String xdg = environment.get(xdgVariable);
        return (xdg == null || xdg.isBlank() ? home.resolve(xdgDefault) : Path.of(xdg)).resolve("dormagen-twin");
    }
}
