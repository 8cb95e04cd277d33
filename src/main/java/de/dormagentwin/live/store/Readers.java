package de.dormagentwin.live.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the cache's reads get a connection: the file's own pool, or the pool of the service that holds the file. */
interface Readers extends AutoCloseable {
    Connection get() throws SQLException;

    @Override
    void close();
}
