package cn.jxquality.complaint.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file is, by its first bytes (magic numbers), never by its name: the images, PDF, audio and video that
 * citizens send as evidence. Everything else is refused.
 */
public final class EvidenceType {

    private EvidenceType() {}

    /** The media type the content starts like, or empty when it is none we accept. */
    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (ascii(content, 0, "GIF87a") || ascii(content, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(content, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (ascii(content, 0, "RIFF")) {
            return riff(content);
        }
        if (ascii(content, 4, "ftyp")) {
            return isoMedia(content);
        }
        return audioOrVideo(content);
    }

    /** Whether a client's declared type agrees with the sniffed one (same family: image, audio, video, PDF). */
    public static boolean agrees(String declared, String sniffed) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/octet-stream")) {
            return true;
        }
        return family(type).equals(family(sniffed));
    }

    private static String family(String mediaType) {
        return mediaType.equals("application/pdf") ? "pdf" : mediaType.split("/", 2)[0];
    }

    private static Optional<String> riff(byte[] content) {
        if (ascii(content, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(content, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (ascii(content, 8, "AVI ")) {
            return Optional.of("video/x-msvideo");
        }
        return Optional.empty();
    }

    /** ISO base media (MP4, M4A, MOV, HEIC): the brand after {@code ftyp} says which. */
    private static Optional<String> isoMedia(byte[] content) {
        if (content.length < 12) {
            return Optional.empty();
        }
        String brand = new String(Arrays.copyOfRange(content, 8, 12), StandardCharsets.ISO_8859_1);
        return switch (brand) {
            case "heic", "heix", "mif1", "msf1" -> Optional.of("image/heic");
            case "M4A ", "M4B " -> Optional.of("audio/mp4");
            case "qt  " -> Optional.of("video/quicktime");
            case "3gp4", "3gp5", "3gp6", "3g2a" -> Optional.of("video/3gpp");
            case "isom", "iso2", "mp41", "mp42", "avc1", "dash", "MSNV" -> Optional.of("video/mp4");
            default -> Optional.empty();
        };
    }

    private static Optional<String> audioOrVideo(byte[] content) {
        if (ascii(content, 0, "#!AMR")) {
            return Optional.of("audio/amr"); // what many phones record calls in
        }
        if (ascii(content, 0, "ID3")
                || (content.length > 1 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0)) {
            return Optional.of("audio/mpeg");
        }
        if (ascii(content, 0, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (ascii(content, 0, "fLaC")) {
            return Optional.of("audio/flac");
        }
        if (startsWith(content, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of("video/webm");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] content, int offset, String magic) {
        byte[] bytes = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (content.length < offset + bytes.length) {
            return false;
        }
        return Arrays.equals(content, offset, offset + bytes.length, bytes, 0, bytes.length);
    }

    private static boolean startsWith(byte[] content, int offset, int... magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
