package cn.jxquality.complaint.contact;

import java.util.List;

/** The contacts found for a {@link ContactLookup}; an unknown id is simply absent. */
public record Contacts(List<Contact> contacts) {}
