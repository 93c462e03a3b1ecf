package org.huiying.server.staff;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.huiying.server.web.ApiException;

/** The body of {@code POST /api/staff}, validated before anything is stored. */
record NewStaff(String username, String password, String displayName, List<String> roles, List<String> skills,
                Integer maxConcurrent) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    String validUsername() {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username", "username: 3–64 letters, digits, '.', '_' or '-'");
        }
        return username;
    }

    String validPassword() {
        return validPassword(password);
    }

    static String validPassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw ApiException.badRequest("weak_password", "password: 8–128 characters");
        }
        refuseTooLong(password);
        return password;
    }

    /** bcrypt reads 72 bytes: a longer password would be cut silently (or refused by the encoder with a 500). */
    static void refuseTooLong(String password) {
        if (password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("password_too_long", "password: at most " + MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (a Chinese character takes 3)");
        }
    }

    static final int MAX_PASSWORD_BYTES = 72;

    String validDisplayName() {
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (name.length() > 100) {
            throw ApiException.badRequest("invalid_display_name", "displayName: at most 100 characters");
        }
        return name;
    }

    Set<Role> validRoles() {
        if (roles == null || roles.isEmpty()) {
            throw ApiException.badRequest("invalid_roles", "roles: at least one of AGENT, EXPERT, SUPERVISOR, ADMIN, TECHNICIAN, RND");
        }
        try {
            return roles.stream().map(Role::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("invalid_roles", "roles: each one of AGENT, EXPERT, SUPERVISOR, ADMIN, TECHNICIAN, RND");
        }
    }

    Set<String> validSkills() {
        List<String> given = skills == null ? List.of() : skills;
        if (given.size() > 30 || given.stream().anyMatch(s -> s == null || !SKILL.matcher(s).matches())) {
            throw ApiException.badRequest("invalid_skills", "skills: at most 30, each lower-case letters, digits and '-'");
        }
        return new java.util.LinkedHashSet<>(given);
    }

    int validMaxConcurrent() {
        int max = maxConcurrent == null ? 3 : maxConcurrent;
        if (max < 1 || max > 50) {
            throw ApiException.badRequest("invalid_max_concurrent", "maxConcurrent: 1–50");
        }
        return max;
    }
}
