package cn.jxquality.notify.contact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** complaint-service's answer to a {@link ContactLookup}: the contacts found; an unknown id is absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contacts(List<Contact> contacts) {}
