package dev.cascadestudio.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the audit log writes for a database: the URL with no password or user-info left in it. */
class UrlSecretsTest {

    @Test
    void userInfoAndPasswordSettingsAreTakenOutWhateverTheDriver() {
        assertThat(UrlSecrets.withoutSecrets("jdbc:postgresql://admin:s3cret@db.example:5432/controller?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.example:5432/controller?sslmode=require");
        assertThat(UrlSecrets.withoutSecrets("jdbc:postgresql://db/controller?user=admin&password=s3cret&sslpassword=k3y&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/controller?user=admin&ssl=true");
        assertThat(UrlSecrets.withoutSecrets("jdbc:mariadb://root:p@ss@127.0.0.1:3306/test?password=s3cret"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(UrlSecrets.withoutSecrets("jdbc:mysql://address=(host=db)(port=3306)(password=s3cret)/test"))
                .isEqualTo("jdbc:mysql://address=(host=db)(port=3306)/test");
        assertThat(UrlSecrets.withoutSecrets("jdbc:h2:file:/data/cs;USER=sa;PASSWORD=s3cret;MODE=MySQL"))
                .isEqualTo("jdbc:h2:file:/data/cs;USER=sa;MODE=MySQL");
        assertThat(UrlSecrets.withoutSecrets("jdbc:sqlite:/data/sql.db?Password=s3cret"))
                .isEqualTo("jdbc:sqlite:/data/sql.db");
    }

    @Test
    void aUrlWithoutSecretsIsKeptAsItIs() {
        assertThat(UrlSecrets.withoutSecrets("jdbc:sqlite:/home/a/sql.db")).isEqualTo("jdbc:sqlite:/home/a/sql.db");
        assertThat(UrlSecrets.withoutSecrets("jdbc:h2:file:/home/a/cascade-studio")).isEqualTo("jdbc:h2:file:/home/a/cascade-studio");
        assertThat(UrlSecrets.withoutSecrets("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }
}
