package cn.jxquality.complaint.evidence;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Small files that start like the real thing, each with a unique marker so a test can find its bytes. */
final class Files {

    private Files() {}

    static byte[] jpeg(String marker) {
        return withHead(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}, marker);
    }

    static byte[] pdf(String marker) {
        return withHead("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), marker);
    }

    static byte[] mp3(String marker) {
        return withHead("ID3\u0004\u0000".getBytes(StandardCharsets.ISO_8859_1), marker);
    }

    static byte[] mp4(String marker) {
        return withHead(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0}, marker);
    }

    static byte[] amr(String marker) {
        return withHead("#!AMR\n".getBytes(StandardCharsets.ISO_8859_1), marker);
    }

    static byte[] text(String marker) {
        return ("just text, not evidence " + marker).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sized(int bytes) {
        byte[] content = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy(pdf(""), 0, content, 0, 9);
        return content;
    }

    private static byte[] withHead(byte[] head, String marker) {
        byte[] tail = (" evidence " + marker).getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, head.length, tail.length);
        return content;
    }
}
