package cn.jxquality.complaint.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The complaints whose contacts notify-service needs for one dispatcher pass. */
public record ContactLookup(
        @NotNull @Size(min = 1, max = ContactLookup.MAX_IDS) List<UUID> complaintIds) {

    public static final int MAX_IDS = 100;
}
