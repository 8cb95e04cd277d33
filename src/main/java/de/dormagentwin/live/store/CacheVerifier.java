package de.dormagentwin.live.store;

import de.dormagentwin.model.text.SafeText;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.table.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads every page of the cache file and says which are damaged. H2 checks a page only when it reads it, and a
 * query reads only the pages it needs, so a damaged page can sit unnoticed until a prune deletes half the data
 * around it. Here every map of the MVStore (each table, each index, H2's own) is walked from its root to every
 * leaf; reading a page checks its length and check value and decodes each of its rows with the table's own types,
 * which is where random bytes in a page show. Chunk headers and footers need no pass of their own: H2 reads those of
 * every chunk the file lists when it opens it, and a damaged one makes the file "will not open".
 */
public final class CacheVerifier {
    /** Enough to say where the damage is; a file overwritten at random would otherwise list thousands. */
    static final int MAX_REPORTED = 20;
    /** The cache's file in its folder. */
    public static final String FILE_NAME = LiveStore.DATABASE_FILE;
    private static final int BLOCK_SIZE = 4096;

    /**
     * What a verification found: {@code damage} empty when every page read, else the first
     * {@link #MAX_REPORTED} of {@code problems}; {@code opened} false when the file would not open at all.
     */
    public record Report(Path file, boolean opened, long pages, int maps, List<String> damage, long problems) {
        public boolean sound() {
            return damage.isEmpty();
        }

        public String summary() {
            if (sound()) {
                return String.format(Locale.ROOT, "%s: sound, %,d pages in %d maps read", file, pages, maps);
            }
            return String.format(Locale.ROOT, "%s: DAMAGED, %,d damaged %s (%,d pages read)", file, problems,
                    problems == 1 ? "place" : "places", pages);
        }
    }

    /** H2's name for its transactions' undo logs ({@code undoLog.3}, and {@code undoLog-3} while committing). */
    private static final String UNDO_LOG_PREFIX = "undoLog";

    private CacheVerifier() {
    }

    /**
     * Verifies the cache in {@code folder} without changing a byte of it: the file is opened read-only, so nothing
     * is migrated, compacted or moved aside. A file that will not open at all is reported as damaged; a wrong
     * password or a cache held by another process is an error.
     */
    public static Report verify(Path folder, char[] password) throws CacheException {
        Path file = folder.resolve(LiveStore.DATABASE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CacheException("there is no cache file " + file, null);
        }
        LiveStore.refuseUnsafeFolder(folder);
        LiveStore.checkEncryptionMatches(folder, password);
        String name = folder.resolve(LiveStore.DATABASE_NAME).toAbsolutePath().toString();
        Properties settings = new Properties();
        settings.setProperty("user", LiveStore.USER);
        settings.setProperty("password", password == null ? "" : new String(password) + " " + LiveStore.USER);
        settings.setProperty("ACCESS_MODE_DATA", "r");
        settings.setProperty("IFEXISTS", "TRUE");
        // H2 would write the damage it meets into live.trace.db: a new file in a folder that verify promises not to touch.
        settings.setProperty("TRACE_LEVEL_FILE", "0");
        if (password != null) {
            settings.setProperty("CIPHER", "AES");
        }
        String url = "jdbc:h2:file:" + name;
        try (Connection connection = DriverManager.getConnection(url, settings)) {
            return walk(connection, file);
        } catch (SQLException e) {
            if (LiveStore.isDamage(e)) {
                return new Report(file, false, 0, 0, List.of("the file will not open: " + describe(e)), 1);
            }
            throw LiveStore.explain(folder, password, e);
        }
    }

    /** Walks every page of the database behind {@code connection}, an embedded connection to the cache file. */
    private static Report walk(Connection connection, Path file) throws CacheException {
        Database database;
        try {
            database = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase();
        } catch (SQLException | ClassCastException e) {
            throw new CacheException("cannot verify the cache " + file + ": not an embedded H2 database", e);
        }
        MVStore store = database.getStore().getMvStore();
        Map<String, String> owners = owners(database);
        Walk walk = new Walk(store);
        int maps = 0;
        for (String name : new TreeSet<>(store.getMapNames())) {
            MVMap<?, ?> map = open(store, name);
            if (map == null && name.startsWith(UNDO_LOG_PREFIX)) {
                // An undo log per transaction slot, left by any cache several connections used at once (the viewer's
                // readers beside its writer). Read-only, H2 does not open them; it rolls back what they hold when it
                // next opens for writing, and a damaged one fails that open, which moves the file aside and says so.
                continue;
            }
            if (map == null) {
                walk.damage(name, -1, "listed in the store, but not found");
                continue;
            }
            maps++;
            walk.visit(owners.getOrDefault(name, "H2 map " + name), map.getRootPage());
        }
        return new Report(file, true, walk.pages, maps, List.copyOf(walk.damage), walk.damaged);
    }

    /** Map names to the tables and indexes they hold: "table.43" is table OBSERVATION. */
    private static Map<String, String> owners(Database database) {
        Map<String, String> owners = new HashMap<>();
        for (Table table : database.getAllTablesAndViews()) {
            owners.put("table." + table.getId(), "table " + table.getName());
            for (Index index : table.getIndexes()) {
                owners.putIfAbsent("index." + index.getId(), "index " + index.getName() + " of table " + table.getName());
            }
        }
        return owners;
    }

    /** The engine opens every map of a table when the database opens; the ones it did not open are not walked. */
    private static MVMap<?, ?> open(MVStore store, String name) {
        String id = store.getMetaMap().get("name." + name);
        if (id == null) {
            return null;
        }
        return store.getMap(DataUtils.parseHexInt(id));
    }

    private static final class Walk {
        private final MVStore store;
        private final List<String> damage = new ArrayList<>();
        private long pages;
        private long damaged;

        Walk(MVStore store) {
            this.store = store;
        }

        /** Depth first over the children; a damaged node hides its subtree, which counts as one damaged place. */
        void visit(String owner, Page<?, ?> page) {
            pages++;
            if (page.isLeaf()) {
                return;
            }
            for (int i = 0; i < page.getRawChildPageCount(); i++) {
                Page<?, ?> child;
                try {
                    child = page.getChildPage(i);
                } catch (RuntimeException e) {
                    damage(owner, page.getChildPagePos(i), describe(e));
                    continue;
                }
                visit(owner, child);
            }
        }

        void damage(String owner, long position, String problem) {
            damaged++;
            if (damage.size() < MAX_REPORTED) {
                damage.add(owner + ": " + where(position) + problem);
            } else if (damage.size() == MAX_REPORTED) {
                damage.add("and more");
            }
        }

        private String where(long position) {
            if (position < 0) {
                return "";
            }
            int chunk = DataUtils.getPageChunkId(position);
            int offset = DataUtils.getPageOffset(position);
            String place = String.format(Locale.ROOT, "page in chunk %d at offset %d", chunk, offset);
            long block = block(chunk);
            if (block >= 0) {
                place += String.format(Locale.ROOT, " (byte %,d of the file)", block * BLOCK_SIZE + offset);
            }
            return place + ": ";
        }

        /**
         * The chunk's first block, from the layout map's "chunk.N" entry ("...,block:22cd,..."), or for the last
         * chunk, which the layout map stored inside it cannot list, from the file header; -1 when neither has it.
         */
        private long block(int chunk) {
            String id = Integer.toHexString(chunk);
            String entry = store.getLayoutMap().get("chunk." + id);
            String block = null;
            if (entry != null) {
                for (String field : entry.split(",")) {
                    if (field.startsWith("block:")) {
                        block = field.substring("block:".length());
                    }
                }
            } else {
                Map<String, Object> header = store.getFileStore().getStoreHeader();
                if (id.equals(String.valueOf(header.get("chunk")))) {
                    block = String.valueOf(header.get("block"));
                }
            }
            try {
                return block == null ? -1 : Long.parseLong(block, 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * H2's words without its long chunk description and version tag. A page whose bytes are random fails in many
     * ways (a check value, an index out of bounds, a buffer underflow): all of them say the page cannot be read.
     */
    static String describe(Throwable e) {
        Throwable shown = e;
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to read the page") && e.getCause() != null) {
            shown = e.getCause();
            message = String.valueOf(shown.getMessage());
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.replaceAll("\\s*\\[[0-9.]+/-?\\d+]$", "").replaceAll("\\s*\\[\\d+-\\d+]$", "");
        boolean h2Words = shown instanceof SQLException || shown.getClass().getName().startsWith("org.h2.");
        if (h2Words) {
            return SafeText.of(message);
        }
        return SafeText.of(shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getClass().getSimpleName() + ": " + message);
    }
}
