package cn.jxquality.complaint.page;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as one SVG path, drawn by the page itself: no image request, nothing for the Content-Security-Policy to
 * allow, and sharp when printed.
 */
public final class QrCode {

    private static final int QUIET_ZONE = 4;

    private QrCode() {}

    /** The path data ({@code d}) and the side of the square it is drawn in, in modules. */
    public record Svg(String path, int size) {}

    /** Encodes {@code text} (a URL) with medium error correction. */
    public static Svg of(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("not encodable as a QR code: " + text.length() + " characters", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(' ')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return new Svg(path.toString(), matrix.getWidth() + 2 * QUIET_ZONE);
    }
}
