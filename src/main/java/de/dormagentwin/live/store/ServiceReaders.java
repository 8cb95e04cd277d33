package de.dormagentwin.live.store;

import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads through the {@code twin serve} that holds the cache, on pooled loopback connections. When the service goes
 * away the next read fails, and the one after reads the service file again: a service that was restarted (on
 * another port, with another key) is found without the reader being restarted.
 */
final class ServiceReaders implements Readers {
    private static final int VALID_SECONDS = 2;

    private final Path folder;
    private final char[] password;
    private JdbcConnectionPool pool;
    private String key = "";
    private boolean closed;

    ServiceReaders(Path folder, char[] password) {
        this.folder = folder;
        this.password = password == null ? null : password.clone();
    }

    @Override
    public synchronized Connection get() throws SQLException {
        if (closed) {
            throw new SQLException("the cache is closed");
        }
        if (pool != null) {
            Connection pooled = connection();
            // A pooled connection to a service that has gone answers nothing: asked first, it costs one round trip.
            if (pooled.isValid(VALID_SECONDS)) {
                return pooled;
            }
            pooled.close();
            drop();
        }
        ServiceFile service;
        try {
            service = ServiceFile.read(folder).orElseThrow(() -> new SQLException("no twin serve holds the cache in " + folder));
        } catch (CacheException e) {
            throw new SQLException(e.getMessage(), e);
        }
        String url = "jdbc:h2:tcp://" + CacheService.LOOPBACK + ":" + service.port() + "/" + service.key()
                + (password == null ? "" : ";CIPHER=AES");
        pool = JdbcConnectionPool.create(url, LiveStore.USER, LiveStore.secret(password));
        key = service.key();
        return connection();
    }

    private Connection connection() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            drop();
            // H2 quotes the database's name in some messages, and here that name is the key: it goes to logs.
            String message = String.valueOf(e.getMessage()).replace(key, "(key)");
            throw new SQLException(message, e.getSQLState(), e.getErrorCode());
        }
    }

    private void drop() {
        if (pool != null) {
            pool.dispose();
            pool = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }
}
