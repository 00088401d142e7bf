package cn.jxquality.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's {@code application.properties} as it runs in production: the lines without a profile and those of
 * {@code %prod}. Tells which environment variables it reads and which Kafka topics and groups it uses.
 */
record ServiceConfig(String service, Properties properties) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([^}:]+)}");
    private static final Pattern TOPIC = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic");
    private static final Pattern DLQ = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    private static final Pattern GROUP = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id");

    static ServiceConfig of(String service) {
        Path file = Suite.ROOT.resolve(service).resolve("src/main/resources/application.properties");
        Properties all = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties production = new Properties();
        all.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("%"))
                .forEach(name -> production.setProperty(name, all.getProperty(name)));
        all.stringPropertyNames().stream()
                .filter(name -> name.startsWith("%prod."))
                .forEach(name -> production.setProperty(name.substring("%prod.".length()), all.getProperty(name)));
        return new ServiceConfig(service, production);
    }

    /** MicroProfile Config's environment name of a property: upper case, every other character than A-Z0-9 as _. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The environment variables that set a property this service has, or that its values reference as ${NAME}. */
    Set<String> environmentNames() {
        Set<String> names = new TreeSet<>();
        for (String property : properties.stringPropertyNames()) {
            names.add(environmentName(property));
            Matcher matcher = REFERENCE.matcher(properties.getProperty(property));
            while (matcher.find()) {
                names.add(environmentName(matcher.group(1)));
            }
        }
        return names;
    }

    /** The environment variables it cannot start without: those referenced without a default. */
    Set<String> requiredEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        for (String property : properties.stringPropertyNames()) {
            Matcher matcher = REQUIRED.matcher(properties.getProperty(property));
            while (matcher.find()) {
                if (!properties.containsKey(matcher.group(1))) {
                    names.add(environmentName(matcher.group(1)));
                }
            }
        }
        return names;
    }

    Set<String> producedTopics() {
        return topics(TOPIC, "outgoing");
    }

    /** The topics it reads, and the dead-letter topics its consumers write the events they cannot apply to. */
    Set<String> consumedTopics() {
        return topics(TOPIC, "incoming");
    }

    Set<String> deadLetterTopics() {
        return topics(DLQ, "incoming");
    }

    Set<String> groups() {
        return properties.stringPropertyNames().stream()
                .filter(name -> GROUP.matcher(name).matches())
                .map(properties::getProperty)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> topics(Pattern pattern, String direction) {
        String prefix = properties.getProperty("suite.topic-prefix", "");
        return properties.stringPropertyNames().stream()
                .filter(name -> pattern.matcher(name).matches() && name.contains("." + direction + "."))
                .map(name -> properties.getProperty(name).replace("${suite.topic-prefix}", prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
