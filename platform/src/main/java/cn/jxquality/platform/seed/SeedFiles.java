package cn.jxquality.platform.seed;

import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository's {@code seeds/} are read from: a directory when configured, else the copy in the jar. */
@ConfigMapping(prefix = "seeds")
public interface SeedFiles {

    /** A directory holding the seeds (e.g. a mounted ConfigMap); when absent, the copy packaged in the jar. */
    Optional<Path> dir();

    default InputStream open(String relativePath) {
        try {
            if (dir().isPresent()) {
                return Files.newInputStream(dir().get().resolve(relativePath));
            }
            InputStream packaged =
                    Thread.currentThread().getContextClassLoader().getResourceAsStream("seeds/" + relativePath);
            if (packaged == null) {
                throw new IOException("seed file not packaged: " + relativePath);
            }
            return packaged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
