package cn.jxquality.complaint.odr;

import cn.jxquality.complaint.intake.EnterpriseFirst;
import cn.jxquality.complaint.intake.UnifiedSocialCreditCode;
import cn.jxquality.platform.seed.SeedFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of ODR enterprises from {@code seeds/odr-enterprises.yaml}: businesses that answer complaints about
 * themselves first. Read once at start; a code that is not a valid unified social credit code, a region outside
 * Jiangxi or a code listed twice stops the service, as a wrong register would send complaints to the wrong business.
 */
@ApplicationScoped
public class EnterpriseRegister {

    private final Map<String, EnterpriseFirst.Enterprise> enterprises;

    EnterpriseRegister(SeedFiles seeds, OdrConfig config) {
        this.enterprises = load(seeds.open(config.registerFile()));
        Log.infof("ODR register: %d enterprises from %s", enterprises.size(), config.registerFile());
    }

    public Optional<EnterpriseFirst.Enterprise> find(String creditCode) {
        return creditCode == null ? Optional.empty() : Optional.ofNullable(enterprises.get(creditCode));
    }

    /** Every registered enterprise, by name. */
    public List<EnterpriseFirst.Enterprise> all() {
        return enterprises.values().stream()
                .sorted(Comparator.comparing(EnterpriseFirst.Enterprise::name))
                .toList();
    }

    record RegisterFile(List<Entry> enterprises) {}

    record Entry(String creditCode, String name, String regionCode, String email) {}

    static Map<String, EnterpriseFirst.Enterprise> load(InputStream yaml) {
        ObjectMapper mapper =
                new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (yaml) {
            RegisterFile file = mapper.readValue(yaml, RegisterFile.class);
            Map<String, EnterpriseFirst.Enterprise> found = new LinkedHashMap<>();
            for (Entry e : file.enterprises() == null ? List.<Entry>of() : file.enterprises()) {
                if (!UnifiedSocialCreditCode.isValid(e.creditCode())) {
                    throw new IllegalStateException("ODR register: not a valid credit code: " + e.creditCode());
                }
                if (e.name() == null || e.name().isBlank() || e.name().length() > 200) {
                    throw new IllegalStateException("ODR register: " + e.creditCode() + " needs a name");
                }
                if (e.regionCode() == null || !e.regionCode().matches("36\\d{4}")) {
                    throw new IllegalStateException("ODR register: " + e.creditCode() + " needs a Jiangxi region");
                }
                if (found.put(
                                e.creditCode(),
                                new EnterpriseFirst.Enterprise(
                                        e.creditCode(), e.name().strip(), e.regionCode(), e.email()))
                        != null) {
                    throw new IllegalStateException("ODR register: listed twice: " + e.creditCode());
                }
            }
            return Map.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("ODR register unreadable", e);
        }
    }
}
