package org.huiying.server.expert;

/**
 * A technician's photo as the API shows it: where to fetch it (with the staff token) and which of
 * the question's messages it came with ({@code messageSeq}, null while not yet sent with one).
 */
record TechPhoto(String id, String url, String contentType, int width, int height, int bytes, Long messageSeq) {

    static String urlOf(String id) {
        return "/api/tech-photos/" + id;
    }
}
