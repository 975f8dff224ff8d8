package com.chainatlas.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.neo4j.driver.Bookmark;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Read-your-own-writes across app instances. After a write commits during an HTTP request, the response carries
 * the request's bookmarks (the user's latest writes) in an HttpOnly cookie; the browser sends it to whichever
 * instance serves its next request, and that request's transactions start with those bookmarks
 * ({@link BookmarkScopeFilter}, {@link ScopedBookmarkManager}), so a cluster member answers only once it has the
 * user's write. A
 * cookie needs no frontend code and no shared session store. Bookmarks are opaque, not secret; a forged one can
 * only delay or fail the sender's own requests, and the value is size-limited and shape-checked here.
 */
public final class BookmarkCookie {

    public static final String NAME = "CHAINATLAS_BOOKMARKS";
    static final int MAX_BOOKMARKS = 8;
    static final int MAX_COOKIE_LENGTH = 2048;
    /** Neo4j 5 bookmarks look like {@code FB:kcwQ…} (base64 after a prefix); anything else is ignored. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9:+/=_-]{1,256}");
    private static final String WRITTEN = BookmarkCookie.class.getName() + ".written";
    private static final Duration MAX_AGE = Duration.ofHours(1);

    private BookmarkCookie() {
    }

    /** Cookie value → bookmarks: base64url parts joined by '.', each checked; an invalid part is dropped. */
    static Set<Bookmark> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_COOKIE_LENGTH) {
            return Set.of();
        }
        Set<Bookmark> bookmarks = new LinkedHashSet<>();
        for (String part : value.split("\\.", MAX_BOOKMARKS + 1)) {
            if (bookmarks.size() == MAX_BOOKMARKS) {
                break;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
                if (SHAPE.matcher(text).matches()) {
                    bookmarks.add(Bookmark.from(text));
                }
            } catch (IllegalArgumentException notBase64) {
                // ignored: a cookie this app did not write
            }
        }
        return Set.copyOf(bookmarks);
    }

    /** Bookmarks → cookie value (sorted, so the same set gives the same value); at most {@link #MAX_BOOKMARKS}. */
    static String format(Collection<Bookmark> bookmarks) {
        Set<String> values = new TreeSet<>();
        for (Bookmark b : bookmarks) {
            if (b != null && b.value() != null && SHAPE.matcher(b.value()).matches()) {
                values.add(b.value());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String v : values.stream().limit(MAX_BOOKMARKS).toList()) {
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(v.getBytes(StandardCharsets.UTF_8));
            if (out.length() + encoded.length() + 1 > MAX_COOKIE_LENGTH) {
                break;
            }
            out.append(out.isEmpty() ? "" : ".").append(encoded);
        }
        return out.toString();
    }

    /** After a write: the response carries the request's bookmarks, unless they equal what it came with. */
    static void toResponse(HttpServletRequest request, HttpServletResponse response, Collection<Bookmark> bookmarks) {
        if (response.isCommitted()) {
            return;
        }
        String value = format(bookmarks);
        Object last = request.getAttribute(WRITTEN);
        if (value.isEmpty() || value.equals(last != null ? last : incoming(request))) {
            return;
        }
        request.setAttribute(WRITTEN, value);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, value)
                .httpOnly(true).sameSite("Lax").path("/").secure(request.isSecure()).maxAge(MAX_AGE)
                .build().toString());
    }

    static String incoming(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
