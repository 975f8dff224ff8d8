package com.chainatlas.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 problem detail where Spring MVC's exception handling does not reach (filters, Tomcat). */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static String body(int status, String title, String zh, String en, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", zh);
        p.put("instance", instance);
        p.put("detailEn", en);
        return JSON.writeValueAsString(p);
    }

    public static void write(HttpServletResponse response, int status, String title, String zh, String en, String instance)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, title, zh, en, instance));
        response.flushBuffer();
    }
}
