package cn.jxquality.platform.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends a JSON body in chunks, with no declared length, until the server answers or {@code maxBytes}
 * are sent, then reads the answer's status line: for the services' tests of {@link BodyLimit}.
 */
public final class ChunkedBody {

    /** What came back: the answer's status line, and how many body bytes had been sent by then. */
    public record Answer(String statusLine, long sent) {}

    private ChunkedBody() {}

    public static Answer sendUntilAnswered(int port, String path, byte[] piece, long maxBytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long sent = 0;
            try {
                while (sent < maxBytes && in.available() == 0) {
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(piece);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    sent += piece.length;
                }
            } catch (IOException closedByTheServer) {
                // it answered and closed the connection while this client was still sending
            }
            String status = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            return new Answer(status, sent);
        }
    }
}
