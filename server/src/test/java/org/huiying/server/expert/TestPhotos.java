package org.huiying.server.expert;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pictures as a workshop phone makes them (a JPEG with an EXIF block: orientation, camera, GPS
 * position), and the raw HTTP a browser uses to upload and fetch them.
 */
final class TestPhotos {

    /** Written into the EXIF block; must not survive the upload. */
    static final String CAMERA = "WorkshopCam-7";
    static final String GPS_NOTE = "GPS 31.2304N 121.4737E";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestPhotos() {
    }

    /** Left half red, right half blue: which half ends on top tells how the picture was turned. */
    static BufferedImage redLeftBlueRight(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    /** A JPEG with an APP1 Exif segment right after SOI: orientation, camera make and a text with the position. */
    static byte[] phoneJpeg(BufferedImage image, int orientation) {
        byte[] plain = jpeg(image);
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] note = (GPS_NOTE + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        int entries = 3;
        int dataAt = 8 + 2 + entries * 12 + 4;
        write(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8);
        u16(tiff, entries);
        entry(tiff, 0x010F, 2, make.length, dataAt);                 // Make
        entry(tiff, 0x010E, 2, note.length, dataAt + make.length);   // ImageDescription
        u16(tiff, 0x0112);                                           // Orientation, SHORT, inline
        u16(tiff, 3);
        u32(tiff, 1);
        u16(tiff, orientation);
        u16(tiff, 0);
        u32(tiff, 0);                                                // no next IFD
        tiff.writeBytes(make);
        tiff.writeBytes(note);
        byte[] exif = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        u16(out, 2 + 6 + exif.length);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A real JPEG grown to exactly {@code size} bytes with data after its end marker. */
    static byte[] jpegOfSize(int size) {
        byte[] plain = jpeg(redLeftBlueRight(64, 48));
        byte[] padded = Arrays.copyOf(plain, size);
        Arrays.fill(padded, plain.length, size, (byte) 'X');
        return padded;
    }

    static BufferedImage decode(byte[] data) {
        try {
            return ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] data, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getBlue() < 60;
    }

    static boolean isBlue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60;
    }

    record Upload(int status, JsonNode body) {

        String error() {
            return body.path("error").asString();
        }

        String id() {
            return body.get("id").asString();
        }
    }

    record Download(int status, String contentType, byte[] body) {
    }

    /** What the page does: the chosen file's bytes as the body, with the type the browser guessed. */
    static Upload upload(int port, String token, byte[] data, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tech-photos"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build();
        HttpResponse<String> r = send(request, HttpResponse.BodyHandlers.ofString());
        return new Upload(r.statusCode(), r.body().isEmpty() ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(r.body()));
    }

    static Download download(int port, String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, int tag, int type, int count, int offset) {
        u16(out, tag);
        u16(out, type);
        u32(out, count);
        u32(out, offset);
    }

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        u16(out, value >>> 16);
        u16(out, value & 0xFFFF);
    }
}
