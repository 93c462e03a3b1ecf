package org.huiying.server.expert;

import java.time.Duration;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Photos for technicians' questions. The upload is the picture itself as the request body (whatever
 * its Content-Type says: the bytes decide), so a browser sends a chosen file as it is.
 */
@RestController
class TechPhotoController {

    private final TechPhotos photos;

    TechPhotoController(TechPhotos photos) {
        this.photos = photos;
    }

    @PreAuthorize("hasRole('TECHNICIAN')")
    @PostMapping("/api/tech-photos")
    @ResponseStatus(HttpStatus.CREATED)
    TechPhoto upload(@RequestBody(required = false) byte[] body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("TECHNICIAN")) {
            throw ApiException.forbidden("Only service-station technicians upload photos for their questions.");
        }
        return photos.upload(me, body);
    }

    /** The picture, for whoever may see its question; ids never change content, so it may be kept privately. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/tech-photos/{id}")
    ResponseEntity<Resource> photo(@PathVariable String id, Authentication auth) {
        TechPhotos.Stored stored = photos.open(id, CurrentStaff.of(auth));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.format().contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .header("Content-Disposition", "inline; filename=\"" + id + "." + stored.format().extension() + "\"")
                .body(new FileSystemResource(stored.file()));
    }
}
