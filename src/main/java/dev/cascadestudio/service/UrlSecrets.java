package dev.cascadestudio.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL as it may be written down (audit log, history): without the user-info of an authority
 * ({@code //user:password@host}) and without any setting whose name says it holds a secret
 * ({@code password=}, {@code sslpassword=}, H2's {@code ;PASSWORD=}, ...), whichever separator the
 * driver uses ({@code ?}, {@code &}, {@code ;}, or MySQL's {@code (key=value)}).
 */
public final class UrlSecrets {

    /** Everything from {@code //} up to the last {@code @} before the path: the user-info. */
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[^/]*//)[^/]*@");
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "([?&;(])\\s*[A-Za-z0-9_.\\-]*(?:password|passwd|pwd|secret|passphrase|token|credential)[A-Za-z0-9_.\\-]*\\s*=[^&;)]*",
            Pattern.CASE_INSENSITIVE);

    private UrlSecrets() {}

    public static String withoutSecrets(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceFirst("$1");
        Matcher m = SECRET_SETTING.matcher(s);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(s, from, m.start());
            String separator = m.group(1);
            // "?password=x&user=u" keeps its "?" for the setting that follows, "(password=x)" its "("
            if (separator.equals("?") || separator.equals("(")) {
                out.append(separator);
            }
            from = m.end();
        }
        out.append(s.substring(from));
        return out.toString().replace("?&", "?").replace("()", "").replaceAll("[?&;]$", "");
    }
}
