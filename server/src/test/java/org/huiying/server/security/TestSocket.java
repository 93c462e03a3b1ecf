package org.huiying.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket as an attacker's script or a foreign page would open it: any headers (Origin), and
 * what a test needs to see — the HTTP status of a refused upgrade, the server's close code.
 */
final class TestSocket implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final WebSocket socket;
    private final CompletableFuture<Integer> closeCode;
    final LinkedBlockingQueue<String> texts;

    private TestSocket(WebSocket socket, CompletableFuture<Integer> closeCode, LinkedBlockingQueue<String> texts) {
        this.socket = socket;
        this.closeCode = closeCode;
        this.texts = texts;
    }

    /** The open socket, or the refused upgrade's HTTP status as {@link Refused}. */
    static TestSocket open(String uri, Map<String, String> headers) {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        try {
            WebSocket ws = builder.buildAsync(URI.create(uri), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        texts.add(partial.toString());
                        partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    closed.complete(-1);
                }
            }).join();
            return new TestSocket(ws, closed, texts);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    /** The HTTP status an upgrade was refused with. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }
    }

    /** HTTP status of the refused upgrade; fails the test if the upgrade succeeded. */
    static int refusal(String uri, Map<String, String> headers) {
        try (TestSocket accepted = open(uri, headers)) {
            throw new AssertionError("the upgrade was accepted");
        } catch (Refused r) {
            return r.status;
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends without waiting: the server may close the socket in the middle of a burst. */
    void sendQuietly(String text) {
        try {
            socket.sendText(text, true).join();
        } catch (RuntimeException closedAlready) {
            // the close code tells the test what happened
        }
    }

    /** One message in {@code parts} fragments of {@code part} each. */
    void sendFragmentsQuietly(String part, int parts) {
        try {
            for (int i = 0; i < parts; i++) {
                socket.sendText(part, i == parts - 1).join();
            }
        } catch (RuntimeException closedAlready) {
            // the close code tells the test what happened
        }
    }

    void sendBinaryQuietly(byte[] bytes) {
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        } catch (RuntimeException closedAlready) {
            // the close code tells the test what happened
        }
    }

    /** The close code the server sent (-1: the connection broke without a close frame). */
    int awaitCloseCode() {
        try {
            return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the connection", e);
        }
    }

    String awaitText() {
        try {
            String text = texts.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("no text frame arrived");
            }
            return text;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next text frame, or {@code "CLOSED"} when the server closes the socket first. */
    String awaitTextOrClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String text = texts.poll(100, TimeUnit.MILLISECONDS);
                if (text != null) {
                    return text;
                }
                if (closeCode.isDone()) {
                    return "CLOSED";
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("neither a text frame nor a close arrived");
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
