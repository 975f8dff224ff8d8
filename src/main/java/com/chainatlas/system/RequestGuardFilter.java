package com.chainatlas.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything parses it, a request whose query string is not valid percent-encoded UTF-8 (a GBK
 * client's {@code ?q=%BA%CF%B7%CA}), whose query parameters exceed {@link Limits}, or whose JSON body is larger
 * than {@link Limits#JSON_BODY_BYTES}: a 400/413 problem detail in Chinese and one log line, never a 500 with a
 * stack trace, on every endpoint alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuardFilter.class);

    /** Why a request is refused, in both languages. */
    record Refusal(int status, String zh, String en) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = check(request);
        if (refusal != null) {
            log.warn("Refused {} {}: {}", request.getMethod(), printable(request.getRequestURI()), refusal.en());
            ProblemResponses.write(response, refusal.status(), refusal.status() == 413 ? "Content Too Large" : "Bad Request",
                    refusal.zh(), refusal.en(), request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    static Refusal check(HttpServletRequest request) {
        Refusal q = checkQuery(request.getQueryString());
        if (q != null) {
            return q;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")
                && request.getContentLengthLong() > Limits.JSON_BODY_BYTES) {
            return new Refusal(413, "请求体超过大小限制 (" + Limits.JSON_BODY_BYTES + " 字节)",
                    "Request body exceeds the limit (" + Limits.JSON_BODY_BYTES + " bytes)");
        }
        return null;
    }

    /** Null when the raw query string is acceptable. */
    static Refusal checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        String[] pairs = query.split("&", -1);
        if (pairs.length > Limits.PARAM_VALUES) {
            return new Refusal(400, "查询参数过多（最多 " + Limits.PARAM_VALUES + " 个）",
                    "Too many query parameters (at most " + Limits.PARAM_VALUES + ")");
        }
        for (String pair : pairs) {
            for (String part : pair.split("=", 2)) {
                String decoded = decode(part);
                if (decoded == null) {
                    return new Refusal(400, "查询参数不是有效的 UTF-8 百分号编码，请以 UTF-8 编码参数后重试",
                            "A query parameter is not valid percent-encoded UTF-8");
                }
                if (decoded.codePointCount(0, decoded.length()) > Limits.PARAM_VALUE) {
                    return new Refusal(400, "查询参数过长（每个最多 " + Limits.PARAM_VALUE + " 个字符）",
                            "A query parameter is too long (at most " + Limits.PARAM_VALUE + " characters)");
                }
            }
        }
        return null;
    }

    /** Strict application/x-www-form-urlencoded decoding as UTF-8; null when malformed. */
    static String decode(String s) {
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A URI fit for one log line: no control characters, at most 200 characters. */
    static String printable(String uri) {
        String s = uri == null ? "" : uri.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
