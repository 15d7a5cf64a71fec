package org.campaignengine.api.migrations;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java (it needs more than SQL: hashing, encryption), given to Flyway as a Spring
 * bean so it runs in version order among the SQL scripts, inside Flyway's transaction.
 */
public abstract class MigrationStep implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected MigrationStep(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    /** Fixed: the step's code may be refactored without Flyway calling the applied migration changed. */
    @Override
    public Integer getChecksum() {
        return description.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
