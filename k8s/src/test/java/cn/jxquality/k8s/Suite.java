package cn.jxquality.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: Maven passes its root as {@code suite.root}; run from an IDE, the module's parent. */
final class Suite {

    static final Path ROOT = root();

    private Suite() {}

    static Path k8s(String relative) {
        return ROOT.resolve("k8s").resolve(relative);
    }

    private static Path root() {
        Path root =
                Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s")) || !Files.isDirectory(root.resolve("seeds"))) {
            throw new IllegalStateException("not the repository's root (no k8s/ and seeds/): " + root);
        }
        return root;
    }
}
