package cn.jxquality.complaint.contact;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contacts found for a {@link ContactLookup}; an unknown id is simply absent. */
public record Contacts(@Schema(required = true) List<Contact> contacts) {}
