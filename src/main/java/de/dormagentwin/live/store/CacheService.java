package de.dormagentwin.live.store;

import org.h2.engine.SysProperties;
import org.h2.tools.Server;

import java.security.SecureRandom;
import java.sql.SQLException;

/**
 * Lets the other processes of this machine read a cache that this process holds and writes: H2's TCP server, bound
 * to the loopback interface, serving this one database to those that know its key (docs/decisions/0014). The key
 * and the port are in the cache folder's {@link ServiceFile}, which only the user can read.
 */
public final class CacheService implements AutoCloseable {
    /** The only address the server may listen on: H2 takes it from this system property when its classes load. */
    public static final String BIND_PROPERTY = "h2.bindAddress";
    public static final String LOOPBACK = "127.0.0.1";

    private final LiveStore store;
    private final Server server;
    private final ServiceFile file;

    private CacheService(LiveStore store, Server server, ServiceFile file) {
        this.store = store;
        this.server = server;
        this.file = file;
    }

    /**
     * Starts serving {@code store}, which this process opened for writing, and writes the service file. Refuses when
     * H2 would listen on every interface: that is its default, and the setting cannot change once H2 has loaded.
     */
    public static CacheService start(LiveStore store) throws CacheException {
        if (store.readsThroughService()) {
            throw new CacheException("only the process that holds the cache can serve it", null);
        }
        if (!LOOPBACK.equals(SysProperties.BIND_ADDRESS)) {
            throw new CacheException("the cache's server would listen beyond this machine; start Java with -D" + BIND_PROPERTY
                    + "=" + LOOPBACK + " (bin/twin and the installed program do)", null);
        }
        String key = ServiceFile.newKey(new SecureRandom());
        Server server;
        try {
            // A key maps one name to this one database: a connection naming anything else is refused, and no
            // connection can make a database (-ifExists). Port 0: the system picks a free one, the file tells it.
            server = Server.createTcpServer("-tcpPort", "0", "-key", key, store.databaseName(), "-ifExists", "-tcpDaemon").start();
        } catch (SQLException e) {
            throw new CacheException("cannot start the cache's server on " + LOOPBACK + ": " + e.getMessage(), e);
        }
        ServiceFile file = new ServiceFile(server.getPort(), key, ProcessHandle.current().pid());
        try {
            file.write(store.folder());
        } catch (CacheException e) {
            server.stop();
            throw e;
        }
        return new CacheService(store, server, file);
    }

    public int port() {
        return file.port();
    }

    /** Stops serving: readers find the service gone, and wait for the next one. The file goes first. */
    @Override
    public void close() {
        file.remove(store.folder());
        server.stop();
    }
}
