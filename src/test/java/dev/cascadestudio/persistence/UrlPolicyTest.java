package dev.cascadestudio.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascadestudio.testsupport.ServerDatabases;
import dev.cascadestudio.testsupport.ServerDatabases.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * URLs that could run code, write files or reach elsewhere are refused by {@link Database#open}
 * before any driver sees them, with one sentence naming the setting. Each probe would leave a mark
 * (a file, a database) if the driver acted on it; the mark must not exist afterwards.
 */
class UrlPolicyTest {

    @TempDir Path dir;

    // ---- H2 -------------------------------------------------------------------------------------

    @Test
    void anInitScriptIsRefusedBeforeItRuns() throws Exception {
        Path marker = dir.resolve("pwned.csv");
        Path aliased = dir.resolve("aliased.txt");
        // the example: CSVWRITE writes a file, and CREATE ALIAS makes any static Java method callable
        Path evil = Files.writeString(dir.resolve("evil.sql"), "CALL CSVWRITE('" + marker + "', 'SELECT 1');\n"
                + "CREATE ALIAS TOUCH FOR 'org.h2.store.fs.FileUtils.createFile';\n"
                + "CALL TOUCH('" + aliased + "');\n");
        String runscript = "RUNSCRIPT FROM '" + evil + "'";
        try (Connection control = DriverManager.getConnection("jdbc:h2:mem:control;INIT=" + runscript)) {
            assertThat(marker).as("control: the driver ran CSVWRITE").exists();
            assertThat(aliased).as("control: the driver ran the alias").exists();
        }
        Files.delete(marker);
        Files.delete(aliased);

        for (String url : new String[] {
                "jdbc:h2:mem:probe;INIT=" + runscript,
                "jdbc:h2:mem:probe;init=" + runscript,
                "jdbc:h2:mem:probe;\u0131nit=" + runscript, // dotless i: H2 upper-cases keys in English, so this is INIT too
                "jdbc:h2:file:" + dir.resolve("db") + ";IFEXISTS=FALSE;INIT=" + runscript,
                "jdbc:h2:" + dir.resolve("db") + ";INIT=" + runscript + "\\;CALL 1"}) {
            for (Database.EmptyDatabase ifEmpty : Database.EmptyDatabase.values()) {
                assertThatThrownBy(() -> Database.open(url, null, null, ifEmpty)).as(url)
                        .isInstanceOf(DatabaseOpenException.class)
                        .hasMessageMatching("The URL setting (INIT|init|\u0131nit) is not allowed: it runs SQL before the database is checked\\.");
            }
        }
        assertThat(marker).as("the script's CSVWRITE did not run").doesNotExist();
        assertThat(aliased).as("the script's CREATE ALIAS did not run").doesNotExist();
        assertThat(dir.resolve("db.mv.db")).as("no database was created").doesNotExist();
    }

    @Test
    void aTraceFileSettingIsRefusedAndNoTraceIsWritten() {
        Path db = dir.resolve("traced");
        String url = "jdbc:h2:file:" + db + ";TRACE_LEVEL_FILE=3;";

        assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("The URL setting TRACE_LEVEL_FILE is not allowed: it makes H2 write a trace of every statement to a file.");
        assertThat(dir.resolve("traced.trace.db")).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anAutoServerIsRefusedAndNoServerIsStarted() {
        String url = "jdbc:h2:file:" + dir.resolve("served") + ";AUTO_SERVER=TRUE";

        assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("The URL setting AUTO_SERVER is not allowed: it starts a database server that other programs can connect to.");
        assertThat(dir).as("no database and no lock file naming a server port").isEmptyDirectory();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:h2:mem:x;RECOVER_TEST=1                 | The URL setting RECOVER_TEST is not allowed: it makes H2 load and run a test class.",
            "jdbc:h2:mem:x;TRACE_LEVEL_SYSTEM_OUT=3       | The URL setting TRACE_LEVEL_SYSTEM_OUT is not allowed: it makes H2 print a trace of every statement.",
            "jdbc:h2:mem:x;PASSWORD=secret                | The URL setting PASSWORD is not allowed: a password in the URL would be remembered on disk; give it as the password instead.",
            "jdbc:h2:mem:x;IGNORE_UNKNOWN_SETTINGS=TRUE   | The URL setting IGNORE_UNKNOWN_SETTINGS is not allowed: it makes H2 skip settings it does not know instead of refusing them.",
            "jdbc:h2:mem:x;FILE_LOCK=SOCKET               | The URL setting FILE_LOCK is not allowed: it changes how H2 keeps a second program out of the file.",
            "jdbc:h2:mem:x;MODE=MySQL                     | The URL setting MODE is not allowed: it makes H2 read SQL as another database product does.",
            "jdbc:h2:mem:x;CACHE_SIZE=1                   | The URL setting CACHE_SIZE is not allowed: Cascade Studio does not know it to be harmless (an H2 URL may set IFEXISTS, FORBID_CREATION, ACCESS_MODE_DATA, CIPHER, DB_CLOSE_DELAY, WRITE_DELAY and USER).",
            "jdbc:h2:mem:x;ACCESS_MODE_DATA=rws           | The URL setting ACCESS_MODE_DATA=rws is not allowed: its value is not one Cascade Studio accepts.",
            "jdbc:h2:mem:x;IFEXISTS=TRUE\\;INIT=CALL 1    | The URL setting IFEXISTS=TRUE;INIT=CALL 1 is not allowed: its value is not one Cascade Studio accepts.",
            "jdbc:h2:mem:x;USER=sa;AUTHREALM=ldap         | The URL setting AUTHREALM is not allowed: it hands the login to an authenticator configured outside the URL.",
            "jdbc:h2:mem:x;IFEXISTS                       | The URL setting IFEXISTS is not allowed: its value is not one Cascade Studio accepts.",
            "jdbc:h2:tcp://localhost/~/x                  | The H2 URL form jdbc:h2:tcp: is not allowed: Cascade Studio opens an H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME), not a server.",
            "jdbc:h2:ssl://localhost/~/x                  | The H2 URL form jdbc:h2:ssl: is not allowed: Cascade Studio opens an H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME), not a server.",
            "jdbc:h2:zip:/tmp/x.zip!/db                   | The H2 file system zip: is not allowed: Cascade Studio opens a plain H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME).",
            "jdbc:h2:file:split:/tmp/db                   | The H2 file system split: is not allowed: Cascade Studio opens a plain H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME).",
            "jdbc:h2:memFS:db                             | The H2 file system memFS: is not allowed: Cascade Studio opens a plain H2 file (jdbc:h2:file:PATH) or an in-memory database (jdbc:h2:mem:NAME).",
            "JDBC:H2:mem:x                                | Write the URL as jdbc:h2:… in lower case, with nothing before it.",
    })
    void refusedH2UrlsSayWhatIsRefused(String url, String message) {
        assertThatThrownBy(() -> UrlPolicy.check(url)).isInstanceOf(DatabaseOpenException.class).hasMessage(message);
    }

    @Test
    void anotherH2FileSystemIsRefusedAndCreatesNoFile() {
        Path db = dir.resolve("nio-db");
        for (String url : new String[] {"jdbc:h2:nio:" + db, "jdbc:h2:file:nio:" + db, "jdbc:h2:nioMapped:" + db,
                "jdbc:h2:split:" + db, "jdbc:h2:async:" + db}) {
            assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.CREATE_SCHEMA)).as(url)
                    .isInstanceOf(DatabaseOpenException.class)
                    .hasMessageStartingWith("The H2 file system ");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:h2:mem:x",
            "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
            "jdbc:h2:mem:",
            "jdbc:h2:file:/tmp/x;IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
            "jdbc:h2:/tmp/x;write_delay=250;;",
            "jdbc:h2:~/x;CIPHER=AES;USER=sa",
            "jdbc:h2:./x;FORBID_CREATION=TRUE;DB_CLOSE_DELAY=0",
            "jdbc:h2:file:/tmp/a:b/x",
    })
    void plainH2FilesAndMemoryWithHarmlessSettingsAreAccepted(String url) {
        assertThatCode(() -> UrlPolicy.check(url)).doesNotThrowAnyException();
    }

    // ---- SQLite ---------------------------------------------------------------------------------

    @Test
    void aJournalModeSettingIsRefusedAndTheFileIsNotTouched() throws Exception {
        Path file = sqliteFile("sql.db");
        byte[] before = Files.readAllBytes(file);

        for (String url : new String[] {"jdbc:sqlite:" + file + "?journal_mode=WAL",
                "jdbc:sqlite:file:" + file + "?journal_mode=WAL", "jdbc:sqlite:file:" + file + "?mode=ro& JOURNAL_MODE =WAL"}) {
            assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE)).as(url)
                    .isInstanceOf(DatabaseOpenException.class)
                    .hasMessageMatching("The URL setting (JOURNAL_MODE|journal_mode) is not allowed: "
                            + "it changes the file's journal, which writes to the file\\.");
        }
        assertThat(Path.of(file + "-wal")).doesNotExist();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:sqlite:/tmp/sql.db?enable_load_extension=true      | The URL setting enable_load_extension is not allowed: it lets SQL load native code into Cascade Studio.",
            "jdbc:sqlite:file:/tmp/sql.db?Enable_Load_Extension=1    | The URL setting Enable_Load_Extension is not allowed: it lets SQL load native code into Cascade Studio.",
            "jdbc:sqlite:file:/tmp/sql.db?vfs=unix-none              | The URL setting vfs is not allowed: it makes SQLite read the file through another file-access module.",
            "jdbc:sqlite:file:/tmp/sql.db?mode=memory                | The URL setting mode=memory is not allowed: a SQLite file opens with mode=ro (read-only) or mode=rw only.",
            "jdbc:sqlite:file:/tmp/sql.db?MODE=ro                    | The URL setting MODE is not allowed: Cascade Studio does not know it to be harmless (a SQLite URL may name a file, and a file: URI may add mode=ro or mode=rw).",
            "jdbc:sqlite:/tmp/sql.db?mode=ro                         | The URL setting mode=ro is not allowed: SQLite reads it only in a file: URI, such as jdbc:sqlite:file:/path/to/sql.db?mode=ro.",
            "jdbc:sqlite:/tmp/sql.db?foreign_keys=on                 | The URL setting foreign_keys is not allowed: Cascade Studio never switches on foreign-key enforcement in a controller's file.",
            "jdbc:sqlite:/tmp/sql.db?user_version=7                  | The URL setting user_version is not allowed: Cascade Studio does not know it to be harmless (a SQLite URL may name a file, and a file: URI may add mode=ro or mode=rw).",
            "jdbc:sqlite::resource:http://example.com/x.db           | The SQLite URL form :resource: is not allowed: it copies a database from the class path or a web address; give the path of a file instead.",
            "jdbc:sqlite:file://server/share/sql.db                  | The SQLite URI names the host server, which is not allowed: only a file on this computer opens.",
    })
    void refusedSqliteUrlsSayWhatIsRefused(String url, String message) {
        assertThatThrownBy(() -> UrlPolicy.check(url)).isInstanceOf(DatabaseOpenException.class).hasMessage(message);
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------

    @Test
    void aPostgresqlLoggerFileIsRefusedAndNoLogIsWritten() {
        Path marker = dir.resolve("pgjdbc.log");
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&loggerLevel=TRACE&loggerFile=" + marker;

        assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("The URL setting loggerLevel is not allowed: it makes the driver write a log.");
        assertThatThrownBy(() -> Database.open(url.replace("loggerLevel=TRACE&", ""), null, null, Database.EmptyDatabase.REFUSE))
                .isInstanceOf(DatabaseOpenException.class)
                .hasMessage("The URL setting loggerFile is not allowed: it makes the driver write a log file.");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:postgresql://db/x?socketFactory=org.example.Evil                   | The URL setting socketFactory is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?socketFactoryArg=/tmp/x                         | The URL setting socketFactoryArg is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?ssl=true&sslfactory=org.example.Evil            | The URL setting sslfactory is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?sslfactoryarg=x                                 | The URL setting sslfactoryarg is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?sslhostnameverifier=org.example.Evil            | The URL setting sslhostnameverifier is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?sslpasswordcallback=org.example.Evil            | The URL setting sslpasswordcallback is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?authenticationPluginClassName=org.example.Evil  | The URL setting authenticationPluginClassName is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?SOCKETFACTORY=org.example.Evil                  | The URL setting SOCKETFACTORY is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:postgresql://db/x?service=prod                                    | The URL setting service is not allowed: it reads further settings from a service file, unchecked.",
            "jdbc:postgresql://db/x?options=-c%20search_path%3Devil                 | The URL setting options is not allowed: it sets server parameters for the session before the database is checked.",
            "jdbc:postgresql://db/x?user=u&password=p                               | The URL setting password is not allowed: a password in the URL would be remembered on disk; give it as the password instead.",
            "jdbc:postgresql://db/x?sslmode=whatever                                | The URL setting sslmode=whatever is not allowed: its value is not one Cascade Studio accepts.",
            "jdbc:postgresql://db/x?preparedStatementCacheQueries=0                 | The URL setting preparedStatementCacheQueries is not allowed: Cascade Studio does not know it to be harmless (a PostgreSQL URL may set user, ApplicationName, currentSchema, connectTimeout, loginTimeout, socketTimeout, tcpKeepAlive, readOnly, ssl, sslmode and sslrootcert).",
    })
    void refusedPostgresqlUrlsSayWhatIsRefused(String url, String message) {
        assertThatThrownBy(() -> UrlPolicy.check(url)).isInstanceOf(DatabaseOpenException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:postgresql://db/controller",
            "jdbc:postgresql://db:5432,db2/controller?user=admin&sslmode=verify-full&sslrootcert=/etc/ca.pem&ApplicationName=Cascade%20Studio",
            "jdbc:postgresql:controller?connectTimeout=5&currentSchema=public&readOnly=true",
    })
    void postgresqlUrlsWithHarmlessSettingsAreAccepted(String url) {
        assertThatCode(() -> UrlPolicy.check(url)).doesNotThrowAnyException();
    }

    // ---- MariaDB and MySQL ----------------------------------------------------------------------

    @Test
    void aMariadbInitSqlIsRefusedAndDoesNotRun() throws Exception {
        ServerDatabases.assumeReachable(Server.MARIADB); // skipped with the reason, or failed under CI=true
        String probe = "cs_urls_probe_" + ProcessHandle.current().pid();
        String address = Server.MARIADB.address();
        for (String url : new String[] {
                "jdbc:mariadb://" + address + "/test?user=root&initSql=CREATE DATABASE " + probe,
                "jdbc:mysql://" + address + "/test?user=root&INITSQL=CREATE DATABASE " + probe}) {
            assertThatThrownBy(() -> Database.open(url, null, null, Database.EmptyDatabase.REFUSE)).as(url)
                    .isInstanceOf(DatabaseOpenException.class)
                    .hasMessageMatching("The URL setting (initSql|INITSQL) is not allowed: it runs SQL before the database is checked\\.");
        }
        try (Connection c = DriverManager.getConnection(Server.MARIADB.url("") + "?user=" + Server.MARIADB.user());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + probe + "'")) {
            assertThat(rs.next()).as("database %s was not created", probe).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:mariadb://db/x?allowLocalInfile=true              | The URL setting allowLocalInfile is not allowed: it lets the server read any file this computer's user can read.",
            "jdbc:mysql://db/x?allowLoadLocalInfile=true            | The URL setting allowLoadLocalInfile is not allowed: it lets the server read any file this computer's user can read.",
            "jdbc:mariadb://db/x?credentialType=ENV                 | The URL setting credentialType is not allowed: it makes the driver load a credential plugin.",
            "jdbc:mariadb://db/x?socketFactory=org.example.Evil     | The URL setting socketFactory is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:mariadb://db/x?tlsSocketType=org.example.Evil     | The URL setting tlsSocketType is not allowed: it makes the driver load and run a class named in the URL.",
            "jdbc:mariadb://db/x?sessionVariables=foreign_key_checks=0 | The URL setting sessionVariables is not allowed: it sets server variables before the database is checked.",
            "jdbc:mariadb://db/x?permitRedirect=true                | The URL setting permitRedirect is not allowed: it lets the server send the connection on to another server.",
            "jdbc:mariadb://db/x?serverRsaPublicKeyFile=/tmp/k      | The URL setting serverRsaPublicKeyFile is not allowed: Cascade Studio does not know it to be harmless (a MariaDB URL may set user, connectTimeout, socketTimeout, tcpKeepAlive and sslMode).",
            "jdbc:mariadb:replication://db1,db2/x                   | The MariaDB URL form jdbc:mariadb:replication: is not allowed: write jdbc:mariadb://HOST:PORT/DATABASE.",
            "jdbc:mariadb://address=(host=db)(pipe=p)/x | The MariaDB host list address=(host=db)(pipe=p) is not allowed: write HOST:PORT, several separated by commas.",
    })
    void refusedMariadbUrlsSayWhatIsRefused(String url, String message) {
        assertThatThrownBy(() -> UrlPolicy.check(url)).isInstanceOf(DatabaseOpenException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:mariadb://127.0.0.1:3306/test?user=root",
            "jdbc:mysql://db1:3306,[::1]:3307/controller?user=admin&sslMode=verify-full&connectTimeout=5000&permitMysqlScheme",
    })
    void mariadbUrlsWithHarmlessSettingsAreAccepted(String url) {
        assertThatCode(() -> UrlPolicy.check(url)).doesNotThrowAnyException();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Path sqliteFile(String name) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE inventory (id INTEGER PRIMARY KEY)");
        }
        return file;
    }
}
