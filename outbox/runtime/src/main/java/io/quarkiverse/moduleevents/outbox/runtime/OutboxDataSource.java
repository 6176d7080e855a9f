package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;

/**
 * The datasource the build chose for the outbox and the inbox: its name, its {@link Dialect}, and its connections.
 * A connection joins the current JTA transaction when there is one.
 */
public final class OutboxDataSource {

    private final String name;
    private final Dialect dialect;
    private volatile AgroalDataSource dataSource;

    OutboxDataSource(String name, Dialect dialect) {
        this.name = name;
        this.dialect = dialect;
    }

    /** on a datasource of its own, outside a Quarkus application */
    OutboxDataSource(String name, Dialect dialect, AgroalDataSource dataSource) {
        this(name, dialect);
        this.dataSource = dataSource;
    }

    /**
     * @return the datasource's name, as in its configuration keys
     */
    String name() {
        return name;
    }

    Dialect dialect() {
        return dialect;
    }

    Connection connection() throws SQLException {
        AgroalDataSource resolved = dataSource;
        if (resolved == null) {
            resolved = AgroalDataSourceUtil.dataSourceInstance(name).get();
            dataSource = resolved;
        }
        return resolved.getConnection();
    }
}
