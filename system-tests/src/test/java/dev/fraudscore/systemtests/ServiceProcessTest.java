package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void aJarWithSpringAotsInitializerRunsFromIt() throws IOException {
        Path jar = jar("aot.jar", "BOOT-INF/classes/dev/example/App.class",
                "BOOT-INF/classes/dev/example/App__ApplicationContextInitializer.class");

        assertThat(ServiceProcess.builtWithSpringAot(jar)).isTrue();
    }

    @Test
    void aJarWithoutItOrWithItOnlyInALibraryDoesNot() throws IOException {
        Path plain = jar("plain.jar", "BOOT-INF/classes/dev/example/App.class");
        Path library = jar("library.jar", "BOOT-INF/classes/dev/example/App.class",
                "BOOT-INF/lib/other/Other__ApplicationContextInitializer.class");

        assertThat(ServiceProcess.builtWithSpringAot(plain)).isFalse();
        assertThat(ServiceProcess.builtWithSpringAot(library)).isFalse();
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[] {1, 2, 3});
                zip.closeEntry();
            }
        }
        return jar;
    }
}
