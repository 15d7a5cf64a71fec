package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path bin;

    @Test
    void a_configured_directory_with_initdb_and_pg_ctl_is_used_as_it_is_for_an_ordinary_user() throws IOException {
        program("initdb");
        program("pg_ctl");

        assertThat(PostgresBinaries.find(bin.toString(), false, false))
                .hasValueSatisfying(found -> assertThat(found.command("pg_ctl"))
                        .containsExactly(bin.resolve("pg_ctl").toString()));
    }

    @Test
    void a_configured_directory_without_pg_ctl_is_not_enough() throws IOException {
        program("initdb");

        assertThat(PostgresBinaries.find(bin.toString(), false, false)).isEmpty();
    }

    @Test
    void as_root_the_programs_run_as_the_postgres_user() throws IOException {
        program("initdb");
        program("pg_ctl");

        assertThat(PostgresBinaries.find(bin.toString(), true, true))
                .hasValueSatisfying(found -> assertThat(found.command("initdb"))
                        .containsExactly("/usr/sbin/runuser", "-u", "postgres", "--", bin.resolve("initdb").toString()));
    }

    @Test
    void as_root_without_runuser_or_the_postgres_user_nothing_can_run() throws IOException {
        program("initdb");
        program("pg_ctl");

        assertThat(PostgresBinaries.find(bin.toString(), true, false)).isEmpty();
    }

    private void program(String name) throws IOException {
        Files.createFile(bin.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
