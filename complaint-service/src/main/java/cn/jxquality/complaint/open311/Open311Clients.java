package cn.jxquality.complaint.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The third-party apps allowed to post requests, each by its API key ({@code open311.api-keys=name:key,…}). */
@ApplicationScoped
public class Open311Clients {

    private final Map<String, byte[]> keysByClient;

    Open311Clients(Open311Config config) {
        this.keysByClient = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(entry -> entry.indexOf(':') > 0 && entry.indexOf(':') < entry.length() - 1)
                .collect(Collectors.toUnmodifiableMap(
                        entry -> entry.substring(0, entry.indexOf(':')),
                        entry -> entry.substring(entry.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8)));
    }

    /** The client holding this key (compared in constant time), or empty. */
    public Optional<String> clientOf(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        byte[] given = apiKey.strip().getBytes(StandardCharsets.UTF_8);
        return keysByClient.entrySet().stream()
                .filter(e -> MessageDigest.isEqual(e.getValue(), given))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
