package cn.jxquality.complaint.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceTypeTest {

    @Test
    void imagesPdfAudioAndVideoAreKnownByTheirFirstBytes() {
        assertEquals(Optional.of("image/jpeg"), EvidenceType.sniff(Files.jpeg("x")));
        assertEquals(
                Optional.of("image/png"),
                EvidenceType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(Optional.of("image/gif"), EvidenceType.sniff(ascii("GIF89a....")));
        assertEquals(Optional.of("image/webp"), EvidenceType.sniff(ascii("RIFF\0\0\0\0WEBPVP8 ")));
        assertEquals(Optional.of("image/heic"), EvidenceType.sniff(ascii("\0\0\0\u0018ftypheic\0\0\0\0")));
        assertEquals(Optional.of("application/pdf"), EvidenceType.sniff(Files.pdf("x")));
        assertEquals(Optional.of("audio/mpeg"), EvidenceType.sniff(Files.mp3("x")));
        assertEquals(Optional.of("audio/mpeg"), EvidenceType.sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, 0x50, 0}));
        assertEquals(Optional.of("audio/amr"), EvidenceType.sniff(Files.amr("x")));
        assertEquals(Optional.of("audio/wav"), EvidenceType.sniff(ascii("RIFF\0\0\0\0WAVEfmt ")));
        assertEquals(Optional.of("audio/ogg"), EvidenceType.sniff(ascii("OggS\0\u0002")));
        assertEquals(Optional.of("audio/mp4"), EvidenceType.sniff(ascii("\0\0\0\u0020ftypM4A \0\0\0\0")));
        assertEquals(Optional.of("video/mp4"), EvidenceType.sniff(Files.mp4("x")));
        assertEquals(Optional.of("video/quicktime"), EvidenceType.sniff(ascii("\0\0\0\u0014ftypqt  \0\0\0\0")));
        assertEquals(Optional.of("video/x-msvideo"), EvidenceType.sniff(ascii("RIFF\0\0\0\0AVI LIST")));
        assertEquals(
                Optional.of("video/webm"), EvidenceType.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0}));
    }

    @Test
    void anythingElseIsRefusedWhateverItsName() {
        assertEquals(Optional.empty(), EvidenceType.sniff(Files.text("x")));
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("<html><script>alert(1)</script>")));
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("MZ\u0090\0"))); // a Windows executable
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("PK\u0003\u0004"))); // a zip archive
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("RIFF\0\0\0\0XXXX")));
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("\0\0\0\u0018ftypzzzz")));
        assertEquals(Optional.empty(), EvidenceType.sniff(new byte[0]));
        assertEquals(Optional.empty(), EvidenceType.sniff(new byte[] {(byte) 0xFF}));
    }

    @Test
    void aDeclaredTypeMustBeOfTheSameFamily() {
        assertTrue(EvidenceType.agrees("image/png", "image/jpeg"));
        assertTrue(EvidenceType.agrees("application/octet-stream", "application/pdf"));
        assertTrue(EvidenceType.agrees(null, "video/mp4"));
        assertTrue(EvidenceType.agrees("Application/PDF; charset=x", "application/pdf"));
        assertFalse(EvidenceType.agrees("image/jpeg", "application/pdf"));
        assertFalse(EvidenceType.agrees("application/pdf", "image/jpeg"));
        assertFalse(EvidenceType.agrees("audio/mpeg", "video/mp4"));
        assertFalse(EvidenceType.agrees("text/plain", "image/png"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
