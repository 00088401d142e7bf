package cn.jxquality.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The realm imports in the manifests are the realm export the local scripts use, and cannot drift from it. */
class RealmImportFilesTest {

    private final RealmImportFiles files = new RealmImportFiles(Suite.ROOT);

    @Test
    void theCommittedRealmImportsAreTheOnesTheSeedsGive() throws IOException {
        if (Boolean.getBoolean("k8s.regenerate")) {
            write(RealmImportFiles.PRODUCTION_FILE, files.productionFile());
            write(RealmImportFiles.DEMO_FILE, files.demoFile());
        }
        assertUpToDate(RealmImportFiles.PRODUCTION_FILE, files.productionFile());
        assertUpToDate(RealmImportFiles.DEMO_FILE, files.demoFile());
    }

    @Test
    void eachOverlayImportsItsRealm() {
        assertEquals(files.productionRealm(), realmOf("production"));
        assertEquals(files.demoRealm(), realmOf("local"));
    }

    @Test
    void everyPlaceholderOfTheRealmIsFilledFromASecret() {
        for (String overlay : new String[] {"production", "local"}) {
            JsonNode spec = Rendered.overlay(overlay)
                    .named("KeycloakRealmImport", RealmImportFiles.NAME)
                    .path("spec");
            for (String name : RealmImportFiles.placeholdersIn(spec.path("realm"))) {
                assertTrue(
                        spec.path("placeholders").path(name).path("secret").hasNonNull("name"),
                        overlay + ": ${" + name + "} has no Secret in spec.placeholders");
            }
        }
    }

    private static JsonNode realmOf(String overlay) {
        return Rendered.overlay(overlay)
                .named("KeycloakRealmImport", RealmImportFiles.NAME)
                .path("spec")
                .path("realm");
    }

    private static void assertUpToDate(Path relative, String expected) throws IOException {
        Path file = Suite.ROOT.resolve(relative);
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertTrue(
                expected.equals(actual),
                relative + " differs from what the seeds in seeds/keycloak give; regenerate it with\n  "
                        + RealmImportFiles.REGENERATE);
    }

    private static void write(Path relative, String content) throws IOException {
        Files.writeString(Suite.ROOT.resolve(relative), content, StandardCharsets.UTF_8);
    }
}
