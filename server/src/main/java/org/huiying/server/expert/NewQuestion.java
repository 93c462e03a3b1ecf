package org.huiying.server.expert;

import java.net.URI;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.huiying.routing.expertise.DtcSpecialities;
import org.huiying.server.conversation.CustomerDetails;
import org.huiying.server.web.ApiException;

/**
 * The body of {@code POST /api/tech-questions}, checked before anything is stored. {@code photos} are
 * links; {@code photoIds} photos uploaded beforehand ({@code POST /api/tech-photos}); together at most
 * {@value #MAX_PHOTOS}.
 */
record NewQuestion(String vin, String model, List<String> dtcCodes, Integer mileage, String text, List<String> photos,
                   List<String> photoIds) {

    static final int MAX_CODES = 20;
    static final int MAX_PHOTOS = 10;

    String validText() {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("empty_text", "text: describe the problem");
        }
        if (text.length() > 4000) {
            throw ApiException.badRequest("text_too_long", "text must be at most 4000 characters");
        }
        return text.strip();
    }

    Set<String> validCodes() {
        List<String> given = dtcCodes == null ? List.of() : dtcCodes;
        if (given.size() > MAX_CODES) {
            throw ApiException.badRequest("invalid_dtc_codes", "dtcCodes: at most " + MAX_CODES);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : given) {
            String c = code == null ? "" : Normalizer.normalize(code, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
            if (!DtcSpecialities.CODE.matcher(c).matches()) {
                throw ApiException.badRequest("invalid_dtc_codes", "dtcCodes: codes like P0AA6, U0100, B1A00 (got " + code + ")");
            }
            codes.add(c);
        }
        return codes;
    }

    /** VIN and model, validated like a customer's. */
    CustomerDetails validVehicle() {
        return new CustomerDetails(null, null, vin, model).validated();
    }

    Integer validMileage() {
        if (mileage != null && (mileage < 0 || mileage > 2_000_000)) {
            throw ApiException.badRequest("invalid_mileage", "mileage: kilometres, 0–2,000,000");
        }
        return mileage;
    }

    List<String> validPhotos() {
        List<String> given = photos == null ? List.of() : photos;
        if (given.size() > MAX_PHOTOS) {
            throw ApiException.badRequest("invalid_photos", "photos: at most " + MAX_PHOTOS + " links");
        }
        if (given.size() + uploadedIds().size() > MAX_PHOTOS) {
            throw ApiException.badRequest("too_many_photos", "A question holds at most " + MAX_PHOTOS + " photos.");
        }
        for (String p : given) {
            if (p == null || p.length() > 500 || !isWebLink(p)) {
                throw ApiException.badRequest("invalid_photos", "photos: http(s) links to the pictures");
            }
        }
        return given;
    }

    List<String> uploadedIds() {
        return photoIds == null ? List.of() : photoIds;
    }

    private static boolean isWebLink(String s) {
        try {
            URI uri = URI.create(s);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
