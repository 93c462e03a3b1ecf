package org.huiying.server.staff;

import java.time.Duration;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: 5 failed logins for one username within 15 minutes lock that username
 * for 15 minutes (423), 20 failures from one address within 15 minutes refuse that address for the
 * rest of the window (429). A successful login clears the username's failures. Counted across the
 * whole cluster when there is one ({@link LoginAttempts}).
 */
@Component
class LoginThrottle {

    static final int MAX_PER_USER = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final LoginAttempts attempts;

    LoginThrottle(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    /**
     * Takes one attempt for the username and one for the address before any password is checked, or
     * refuses (giving them back) when either limit is reached. The attempt stays counted until
     * {@link #succeeded} gives it back.
     */
    void reserve(String username, String address) {
        if (attempts.reserve(addressKey(address), WINDOW) > MAX_PER_ADDRESS) {
            attempts.refund(addressKey(address));
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "登录尝试过多，请稍后再试。Too many login attempts from this address; try again later.");
        }
        if (attempts.reserve(userKey(username), WINDOW) > MAX_PER_USER) {
            attempts.refund(userKey(username));
            attempts.refund(addressKey(address));
            throw new ApiException(HttpStatus.LOCKED, "account_locked",
                    "密码错误次数过多，账号已暂时锁定 15 分钟。Too many wrong passwords; the account is locked for 15 minutes.");
        }
    }

    /** The password was right: the username's failures are forgotten and this attempt is given back to the address. */
    void succeeded(String username, String address) {
        attempts.forget(userKey(username));
        attempts.refund(addressKey(address));
    }

    /** Usernames and addresses in one key space, kept apart ("user:10.0.0.1" is not the address). */
    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
