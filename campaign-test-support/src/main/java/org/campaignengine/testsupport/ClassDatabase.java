package org.campaignengine.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * A {@link FreshDatabase} for one test class, for a suite whose users of the database outlive its
 * {@code @AfterAll} methods: register it with {@code @RegisterExtension} on a static field. It is dropped
 * when JUnit closes the class, after every extension's after-all callback, so a Spring test context
 * closed by {@code @DirtiesContext} has let go of it first.
 */
public final class ClassDatabase implements BeforeAllCallback {

    private FreshDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        FreshDatabase created = FreshDatabase.create();
        database = created;
        context.getStore(ExtensionContext.Namespace.create(ClassDatabase.class))
                .put(created.name(), (CloseableResource) created::close);
    }

    /** The database's JDBC URL, with credentials; known once the class has started. */
    public String jdbcUrl() {
        if (database == null) {
            throw new IllegalStateException("the class's database is created when the class starts");
        }
        return database.jdbcUrl();
    }
}
