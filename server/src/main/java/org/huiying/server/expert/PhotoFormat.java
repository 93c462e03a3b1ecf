package org.huiying.server.expert;

import java.util.Arrays;
import java.util.Optional;

/** The picture formats technicians may upload, told apart by their first bytes, never by a name or a header. */
enum PhotoFormat {

    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    PhotoFormat(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    static Optional<PhotoFormat> sniff(byte[] data) {
        return Arrays.stream(values())
                .filter(f -> data.length >= f.magic.length && Arrays.equals(data, 0, f.magic.length, f.magic, 0, f.magic.length))
                .findFirst();
    }

    static Optional<PhotoFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** ImageIO's name for the format. */
    String imageIoName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
