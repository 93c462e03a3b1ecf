package org.huiying.server.expert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Technicians' photos: uploaded one at a time (cleaned, then stored), sent with a question or a
 * follow-up by id, shown to whoever may see that question. A photo never sent is the uploader's
 * alone, and is dropped a day later (when they next upload), so an abandoned question leaves little.
 */
@Service
class TechPhotos {

    private static final Logger log = LoggerFactory.getLogger(TechPhotos.class);

    static final int MAX_PER_QUESTION = 10;
    /** Uploaded and not yet sent: a few questions' worth, no more. */
    static final int MAX_UNSENT = 20;
    static final Duration UNSENT_KEPT = Duration.ofDays(1);

    private final PhotoCleaner cleaner;
    private final PhotoFiles files;
    private final TechPhotoRepository photos;
    private final RecordAccess access;
    private final TransactionTemplate tx;
    private final Clock clock;

    TechPhotos(PhotoCleaner cleaner, PhotoFiles files, TechPhotoRepository photos, RecordAccess access,
               PlatformTransactionManager transactions, Clock clock) {
        this.cleaner = cleaner;
        this.files = files;
        this.photos = photos;
        this.access = access;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Cleans the upload before anything is kept; the file is on the disk and its row committed before the answer. */
    TechPhoto upload(CurrentStaff technician, byte[] body) {
        PhotoCleaner.Cleaned cleaned = cleaner.clean(body);
        String id = RandomIds.id("ph");
        files.write(id, cleaned.format(), cleaned.data());
        try {
            tx.executeWithoutResult(status -> {
                Instant now = Timestamps.now(clock);
                List<TechPhotoRepository.Row> stale = photos.deleteUnattachedBefore(technician.id(), now.minus(UNSENT_KEPT));
                AfterCommit.run(() -> stale.forEach(r -> files.delete(r.id(), r.format())));
                if (photos.countUnattachedSince(technician.id(), now.minus(UNSENT_KEPT)) >= MAX_UNSENT) {
                    throw ApiException.conflict("too_many_unsent_photos",
                            "At most " + MAX_UNSENT + " photos may wait to be sent with a question; send or wait a day.");
                }
                photos.insert(id, technician.id(), cleaned, now);
            });
        } catch (RuntimeException e) {
            files.delete(id, cleaned.format());
            throw e;
        }
        return photos.find(id).orElseThrow().view();
    }

    /**
     * Checks the photos named for a question (or a follow-up) before anything of it is stored: the
     * asker's own, not sent before, no more than the question may hold. Locks them until commit.
     */
    Set<String> claim(CurrentStaff technician, List<String> ids, int alreadyOnQuestion) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        if (unique.size() != ids.size() || unique.stream().anyMatch(id -> id == null || id.length() > 40)) {
            throw ApiException.badRequest("invalid_photo_ids", "photoIds: each photo once, as uploaded");
        }
        if (alreadyOnQuestion + unique.size() > MAX_PER_QUESTION) {
            throw ApiException.badRequest("too_many_photos", "A question holds at most " + MAX_PER_QUESTION + " photos.");
        }
        if (photos.lockUnattached(technician.id(), unique).size() != unique.size()) {
            throw ApiException.badRequest("invalid_photo_ids", "photoIds: photos you uploaded and have not sent yet");
        }
        return unique;
    }

    /** In the transaction that stored the message they came with. */
    void attach(Collection<String> claimed, String ticketId, long messageSeq) {
        if (!claimed.isEmpty()) {
            photos.attach(List.copyOf(claimed), ticketId, messageSeq, Timestamps.now(clock));
        }
    }

    int countOn(String ticketId) {
        return photos.countAttached(ticketId);
    }

    Map<String, List<TechPhoto>> of(Collection<String> ticketIds) {
        Map<String, List<TechPhoto>> views = new java.util.HashMap<>();
        photos.attachedTo(ticketIds).forEach((ticket, rows) -> views.put(ticket, rows.stream().map(TechPhotoRepository.Row::view).toList()));
        return views;
    }

    /** A photo's file, for whoever may see its question (or, not yet sent, its uploader); 404 for everyone else. */
    Stored open(String id, CurrentStaff me) {
        TechPhotoRepository.Row row = photos.find(id).orElseThrow(() -> ApiException.notFound("photo"));
        if (row.ticketId() == null) {
            if (row.technicianId() != me.id()) {
                throw ApiException.notFound("photo");
            }
        } else {
            try {
                access.requireTicket(row.ticketId(), me);
            } catch (ApiException hidden) {
                throw ApiException.notFound("photo");
            }
        }
        Path file = files.file(row.id(), row.format());
        if (!Files.isReadable(file)) {
            // a node whose photo dir is not the shared one, or a file removed by hand
            log.warn("Photo {} is recorded but its file {} is not there", row.id(), file);
            throw ApiException.notFound("photo");
        }
        return new Stored(file, row.format());
    }

    record Stored(Path file, PhotoFormat format) {
    }
}
