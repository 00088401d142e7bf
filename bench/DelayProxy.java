import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A TCP proxy on loopback that delays what passes through it, each way, by the number of milliseconds written in a
 * control file (read every 100 ms; 0 at first): the network between the services and PostgreSQL made slow for
 * bench/faults.sh db-latency, without root's tc netem. Order is kept; only latency is added, not loss.
 *
 * <p>{@code java bench/DelayProxy.java <listen port> <target port> <control file>}
 */
public class DelayProxy {

    private static volatile long delayMillis;

    private record Chunk(byte[] bytes, long dueNanos) {}

    private static final Chunk END = new Chunk(new byte[0], 0);

    public static void main(String[] args) throws Exception {
        int listen = Integer.parseInt(args[0]);
        int target = Integer.parseInt(args[1]);
        Path control = Path.of(args[2]);
        Thread watcher = new Thread(() -> watch(control), "control");
        watcher.setDaemon(true);
        watcher.start();
        try (ServerSocket server = new ServerSocket(listen, 200, InetAddress.getLoopbackAddress())) {
            System.out.printf("delay proxy 127.0.0.1:%d -> 127.0.0.1:%d, delay from %s%n", listen, target, control);
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream);
                pipe(upstream, client);
            }
        }
    }

    private static void watch(Path control) {
        while (true) {
            try {
                delayMillis = Long.parseLong(Files.readString(control).trim());
            } catch (IOException | NumberFormatException e) {
                // keep the last delay until the file reads again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One direction: a reader stamps each chunk with when it is due, a writer sends it then, in order. */
    private static void pipe(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    queue.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayMillis * 1_000_000));
                }
            } catch (IOException | InterruptedException e) {
                // the connection is gone
            }
            queue.add(END);
        });
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk == END) {
                        break;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the connection is gone
            } finally {
                close(from);
                close(to);
            }
        });
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
