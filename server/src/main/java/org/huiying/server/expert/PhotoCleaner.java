package org.huiying.server.expert;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into a picture that is only a picture: JPEG or PNG by its first bytes, decoded and
 * drawn again into a new file, so nothing of the original survives but the pixels (no EXIF with the
 * workshop's GPS position, no comments, nothing appended after the image data). Phone JPEGs are turned
 * upright by their EXIF orientation first; very large ones are scaled down while decoding, so memory
 * stays bounded whatever the upload declares.
 */
@Component
class PhotoCleaner {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Pixels an upload may declare; a 5 MB PNG can claim a billion of them. */
    static final long MAX_DECLARED_PIXELS = 100_000_000L;
    /** Pixels kept: more than any screen shows, and bounded memory per decode (64 MB as ARGB). */
    static final long MAX_KEPT_PIXELS = 16_000_000L;
    private static final float JPEG_QUALITY = 0.9f;

    /** Decoding is the memory-hungry part: a few at a time, whatever the number of uploads. */
    private final Semaphore decoding = new Semaphore(2);

    record Cleaned(PhotoFormat format, byte[] data, int width, int height) {
    }

    Cleaned clean(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw ApiException.badRequest("empty_photo", "The request body is the photo itself (JPEG or PNG).");
        }
        if (upload.length > MAX_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "A photo may be at most 5 MB.");
        }
        PhotoFormat format = PhotoFormat.sniff(upload)
                .orElseThrow(() -> ApiException.badRequest("not_an_image", "Only JPEG and PNG photos are accepted."));
        decoding.acquireUninterruptibly();
        try {
            BufferedImage decoded = decode(upload, format);
            int orientation = format == PhotoFormat.JPEG ? ExifOrientation.of(upload) : ExifOrientation.UPRIGHT;
            BufferedImage clean = redraw(decoded, orientation, format == PhotoFormat.PNG && decoded.getColorModel().hasAlpha());
            return new Cleaned(format, encode(clean, format), clean.getWidth(), clean.getHeight());
        } finally {
            decoding.release();
        }
    }

    private static BufferedImage decode(byte[] upload, PhotoFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_DECLARED_PIXELS) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "A photo may have at most 100 megapixels.");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.sqrt((double) width * height / MAX_KEPT_PIXELS));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException refused) {
                throw refused;
            }
            throw ApiException.badRequest("unreadable_image", "The photo could not be read as " + format + " (damaged, or CMYK).");
        } finally {
            reader.dispose();
        }
    }

    /** A new image of a plain type, turned as the camera said; nothing of the decoded one but its pixels. */
    static BufferedImage redraw(BufferedImage source, int orientation, boolean alpha) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean sideways = orientation >= 5;
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(source, upright(orientation, w, h), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** EXIF orientations 1–8 as the turn (and mirror) that makes the picture upright. */
    private static AffineTransform upright(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
    }

    private static byte[] encode(BufferedImage image, PhotoFormat format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == PhotoFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode a photo in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
