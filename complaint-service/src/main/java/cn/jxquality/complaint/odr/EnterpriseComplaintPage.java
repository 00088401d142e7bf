package cn.jxquality.complaint.odr;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an enterprise's complaints, newest first; {@code next} is the cursor for {@code after}. */
public record EnterpriseComplaintPage(
        @Schema(required = true) List<EnterpriseComplaint> items,
        @Schema(nullable = true) String next) {}
