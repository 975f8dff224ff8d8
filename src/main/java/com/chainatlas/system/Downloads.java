package com.chainatlas.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The Content-Disposition of a download. The Chinese file name goes in RFC 5987 {@code filename*} (control
 * characters, path separators and quotes removed, cut to {@link Limits#FILE_NAME} characters keeping the
 * extension); the plain {@code filename} is a fixed ASCII name, so nothing a client sent is echoed raw.
 */
public final class Downloads {

    private static final Logger log = LoggerFactory.getLogger(Downloads.class);

    /** Writes a file to an output stream. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {
    }

    public static String contentType(String ext) {
        return switch (ext) {
            case "csv" -> "text/csv;charset=UTF-8";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            default -> "application/octet-stream";
        };
    }

    /**
     * Writes the file straight to the response on the request thread (no buffering of the whole file, no async
     * timeout). When the client goes away mid-way the write fails, the body's work (e.g. the database read it
     * streams from) stops with it, and this returns false after one log line; true when the whole file went out.
     */
    public static boolean stream(HttpServletResponse response, String fileName, String ext, Body body) throws IOException {
        response.setContentType(contentType(ext));
        response.setHeader("Content-Disposition", attachment(fileName, ext));
        try {
            OutputStream out = response.getOutputStream();
            body.write(out);
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            if (DisconnectedClientHelper.isClientDisconnectedException(e)
                    || e.getCause() != null && DisconnectedClientHelper.isClientDisconnectedException(e.getCause())) {
                log.info("Download {} aborted: the client disconnected", ext);
                return false;
            }
            throw e;
        }
    }

    public static String attachment(String fileName, String ext) {
        String clean = clean(fileName, ext);
        return "attachment; filename=\"chainatlas-export." + ascii(ext) + "\"; filename*=UTF-8''" + encode(clean);
    }

    static String clean(String fileName, String ext) {
        StringBuilder b = new StringBuilder();
        fileName.codePoints().filter(cp -> !Character.isISOControl(cp) && "\\/\"<>:*?|".indexOf(cp) < 0
                && Character.getType(cp) != Character.FORMAT).forEach(b::appendCodePoint);
        String name = b.toString().strip();
        String suffix = "." + ascii(ext);
        if (name.endsWith(suffix)) {
            name = name.substring(0, name.length() - suffix.length());
        }
        int max = Limits.FILE_NAME - suffix.length();
        if (name.codePointCount(0, name.length()) > max) {
            name = name.substring(0, name.offsetByCodePoints(0, max));
        }
        return (name.isEmpty() ? "chainatlas-export" : name) + suffix;
    }

    private static String ascii(String ext) {
        return ext != null && ext.matches("[a-z]{1,5}") ? ext : "bin";
    }

    /** RFC 5987 value: attr-chars as they are, every other UTF-8 byte as %XX. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
