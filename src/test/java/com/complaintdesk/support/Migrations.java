package com.complaintdesk.support;

import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs a Java migration again on the test's database, as Flyway would for a database from before it. */
public final class Migrations {

    private Migrations() {}

    public static void run(JavaMigration migration, DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }
}
