package org.huiying.server.staff;

import java.time.Clock;
import java.util.Set;
import org.huiying.server.security.RefreshTokens;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts, changing presence and passwords, disabling accounts. */
@Service
public class StaffService {

    private final StaffRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RefreshTokens refreshTokens;

    StaffService(StaffRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock,
                 RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Staff create(NewStaff body) {
        String username = body.validUsername();
        String hash = passwords.encode(body.validPassword());
        try {
            long id = repository.insert(username, hash, body.validDisplayName(), body.validRoles(), body.validSkills(),
                    body.validMaxConcurrent(), Timestamps.now(clock));
            return repository.findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("username_taken", "A staff member with this username exists already.");
        }
    }

    @Transactional
    Staff createInitialAdmin(String password) {
        long id = repository.insert("admin", passwords.encode(password), "系统管理员", Set.of(Role.ADMIN), Set.of(), 1,
                Timestamps.now(clock));
        return repository.findById(id).orElseThrow();
    }

    @Transactional
    public void setPresence(long staffId, Presence presence) {
        repository.updatePresence(staffId, presence);
        events.publishEvent(new PresenceChanged(staffId, presence));
    }

    /** Sets a new password and ends every access and refresh token issued before it. */
    @Transactional
    Staff changePassword(long staffId, String newPassword) {
        String valid = NewStaff.validPassword(newPassword);
        repository.findById(staffId).orElseThrow(() -> ApiException.notFound("staff member"));
        repository.updatePassword(staffId, passwords.encode(valid));
        refreshTokens.revokeAll(staffId);
        events.publishEvent(new StaffTokensRevoked(staffId));
        return repository.findById(staffId).orElseThrow();
    }

    /**
     * A disabled account cannot log in, refresh, or use any token it still holds; it is taken
     * offline, and the tickets it holds go back to their queues.
     */
    @Transactional
    Staff setDisabled(long staffId, boolean disabled) {
        Staff before = repository.findById(staffId).orElseThrow(() -> ApiException.notFound("staff member"));
        repository.updateDisabled(staffId, disabled);
        refreshTokens.revokeAll(staffId);
        events.publishEvent(new StaffTokensRevoked(staffId));
        if (disabled && before.presence() != Presence.OFFLINE) {
            events.publishEvent(new PresenceChanged(staffId, Presence.OFFLINE));
        }
        if (disabled) {
            events.publishEvent(new StaffDisabled(staffId));
        }
        return repository.findById(staffId).orElseThrow();
    }
}
