package org.huiying.server.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.huiying.server.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

/** What is left of an upload: the pixels, upright, in a file of its own making. */
class PhotoCleanerTest {

    private final PhotoCleaner cleaner = new PhotoCleaner();

    @Test
    void aPhoneJpegLosesItsExifBlockAndWhatFollowsItsImage() {
        byte[] upload = TestPhotos.phoneJpeg(TestPhotos.redLeftBlueRight(40, 20), 1);
        byte[] withTail = Arrays.copyOf(upload, upload.length + 12);
        System.arraycopy("<script>x()<".getBytes(StandardCharsets.US_ASCII), 0, withTail, upload.length, 12);
        assertThat(TestPhotos.contains(withTail, TestPhotos.CAMERA)).isTrue();

        PhotoCleaner.Cleaned cleaned = cleaner.clean(withTail);

        assertThat(cleaned.format()).isEqualTo(PhotoFormat.JPEG);
        assertThat(TestPhotos.contains(cleaned.data(), "Exif")).isFalse();
        assertThat(TestPhotos.contains(cleaned.data(), TestPhotos.CAMERA)).isFalse();
        assertThat(TestPhotos.contains(cleaned.data(), "GPS")).isFalse();
        assertThat(TestPhotos.contains(cleaned.data(), "<script>")).isFalse();
        assertThat(cleaned.width()).isEqualTo(40);
        assertThat(cleaned.height()).isEqualTo(20);
    }

    /** Where the left (red) half of the sensor's picture ends up once turned as each EXIF orientation says. */
    @ParameterizedTest(name = "orientation {0}: red {1}")
    @CsvSource({"1, left", "2, right", "3, right", "4, left", "5, top", "6, top", "7, bottom", "8, bottom"})
    void aPhoneJpegIsTurnedUprightByItsOrientation(int orientation, String red) {
        PhotoCleaner.Cleaned cleaned = cleaner.clean(TestPhotos.phoneJpeg(TestPhotos.redLeftBlueRight(40, 20), orientation));
        BufferedImage image = TestPhotos.decode(cleaned.data());

        boolean sideways = orientation >= 5;
        assertThat(image.getWidth()).isEqualTo(sideways ? 20 : 40);
        assertThat(image.getHeight()).isEqualTo(sideways ? 40 : 20);
        int w = image.getWidth();
        int h = image.getHeight();
        int redAt = switch (red) {
            case "left" -> image.getRGB(w / 4, h / 2);
            case "right" -> image.getRGB(3 * w / 4, h / 2);
            case "top" -> image.getRGB(w / 2, h / 4);
            default -> image.getRGB(w / 2, 3 * h / 4);
        };
        int blueAt = switch (red) {
            case "left" -> image.getRGB(3 * w / 4, h / 2);
            case "right" -> image.getRGB(w / 4, h / 2);
            case "top" -> image.getRGB(w / 2, 3 * h / 4);
            default -> image.getRGB(w / 2, h / 4);
        };
        assertThat(TestPhotos.isRed(redAt)).as("red half").isTrue();
        assertThat(TestPhotos.isBlue(blueAt)).as("blue half").isTrue();
    }

    @Test
    void aPngKeepsItsTransparencyAndStaysPng() {
        BufferedImage translucent = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        translucent.setRGB(1, 1, new Color(0, 128, 0, 255).getRGB());
        PhotoCleaner.Cleaned cleaned = cleaner.clean(TestPhotos.png(translucent));

        assertThat(cleaned.format()).isEqualTo(PhotoFormat.PNG);
        BufferedImage image = TestPhotos.decode(cleaned.data());
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        assertThat(image.getRGB(1, 1) >>> 24).isEqualTo(255);
    }

    @Test
    void whatIsNotAJpegOrPngIsRefusedByItsBytes() {
        assertRefused("GIF89a\1\0\1\0".getBytes(StandardCharsets.US_ASCII), HttpStatus.BAD_REQUEST, "not_an_image");
        assertRefused("%PDF-1.7 a manual".getBytes(StandardCharsets.US_ASCII), HttpStatus.BAD_REQUEST, "not_an_image");
        assertRefused(new byte[0], HttpStatus.BAD_REQUEST, "empty_photo");
        byte[] jpeg = TestPhotos.jpeg(TestPhotos.redLeftBlueRight(40, 20));
        assertRefused(Arrays.copyOf(jpeg, 40), HttpStatus.BAD_REQUEST, "unreadable_image");
    }

    @Test
    void overFiveMegabytesOrAHundredMegapixelsIsTooLarge() {
        assertThat(cleaner.clean(TestPhotos.jpegOfSize(PhotoCleaner.MAX_BYTES)).width()).isEqualTo(64);
        assertRefused(TestPhotos.jpegOfSize(PhotoCleaner.MAX_BYTES + 1), HttpStatus.CONTENT_TOO_LARGE, "photo_too_large");
        assertRefused(pngClaiming(20_000, 20_000), HttpStatus.CONTENT_TOO_LARGE, "photo_too_large");
    }

    @Test
    void aVeryLargePictureIsScaledDownWhileDecoding() {
        PhotoCleaner.Cleaned cleaned = cleaner.clean(TestPhotos.png(new BufferedImage(5000, 4000, BufferedImage.TYPE_BYTE_GRAY)));
        assertThat((long) cleaned.width() * cleaned.height()).isLessThanOrEqualTo(PhotoCleaner.MAX_KEPT_PIXELS);
        assertThat(cleaned.width()).isEqualTo(2500);
    }

    private void assertRefused(byte[] upload, HttpStatus status, String code) {
        assertThatThrownBy(() -> cleaner.clean(upload)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    /** A small PNG whose header claims other dimensions (the CRC made to match, as a crafted file would). */
    private static byte[] pngClaiming(int width, int height) {
        byte[] png = TestPhotos.png(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }
}
