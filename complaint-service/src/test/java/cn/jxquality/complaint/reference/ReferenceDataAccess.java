package cn.jxquality.complaint.reference;

import java.io.InputStream;
import java.util.List;

/** The seed parsers for tests outside this package. */
public final class ReferenceDataAccess {

    private ReferenceDataAccess() {}

    public static List<ReferenceData.Region> load(InputStream regionsCsv) {
        return List.copyOf(ReferenceData.loadRegions(regionsCsv).values());
    }
}
