package org.huiying.server.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiying.server.web.ApiException;

/** A rule text that does not parse, answered as {@code 400 invalid_rule} naming the line ("第 3 行"). */
public final class RuleErrors {

    private static final Pattern LINE = Pattern.compile("^line:(\\d+): (.*)$", Pattern.DOTALL);

    private RuleErrors() {
    }

    public static ApiException invalid(IllegalArgumentException e) {
        Matcher m = LINE.matcher(e.getMessage() == null ? "" : e.getMessage());
        String message = m.matches() ? "第 " + m.group(1) + " 行：" + m.group(2) : String.valueOf(e.getMessage());
        return ApiException.badRequest("invalid_rule", message);
    }
}
