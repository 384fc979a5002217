package ru.rosobr.assistant.operator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import ru.rosobr.assistant.testkit.LocalPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that applied migration 3 under its former name (and first comment) is still accepted: the
 * {@code beforeValidate} callback records the new name and checksum, and nothing is migrated again.
 */
class RenamedMigrationIT {

    @Test
    void aDatabaseMigratedUnderTheFormerNameValidatesAndKeepsItsHistory() throws Exception {
        String database = LocalPostgres.freshDatabase("renamed");
        LocalPostgres.Server server = LocalPostgres.shared();
        Flyway flyway = Flyway.configure()
                .dataSource(server.jdbcUrl(database), server.user(), server.password())
                .schemas("operator").defaultSchema("operator")
                .locations("classpath:db/platform", "classpath:db/migration")
                .load();
        flyway.migrate();
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            // what a database migrated before the rename holds
            assertThat(st.executeUpdate("update operator.flyway_schema_history set description = 'console issue5', "
                    + "checksum = 84453350 where version = '3'")).isEqualTo(1);
        }

        var result = flyway.migrate();

        assertThat(result.migrationsExecuted).isZero();
        try (Connection c = server.connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select description from operator.flyway_schema_history "
                     + "where version = '3'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("description")).isEqualTo("console deadline rating control");
        }
        // validation compares the recorded checksum with the file's: it passes only if the callback wrote the right one
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }
}
