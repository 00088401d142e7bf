package cn.jxquality.complaint.open311;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code open311.*}: the third-party apps allowed to post, as {@code name:key} pairs (comma-separated). */
@ConfigMapping(prefix = "open311")
public interface Open311Config {

    Optional<List<String>> apiKeys();
}
