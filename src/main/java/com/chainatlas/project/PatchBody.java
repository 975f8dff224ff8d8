package com.chainatlas.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.system.ApiProblem;

/**
 * A PATCH body: a field present (even as null) is changed, a field absent is kept. Unknown fields and values of the
 * wrong type are refused with a Chinese message, so a typo never passes silently.
 */
public final class PatchBody {

    private final Map<String, Object> body;

    public PatchBody(Map<String, Object> body, Set<String> allowed) {
        if (body == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        for (String k : body.keySet()) {
            if (!allowed.contains(k)) {
                throw ApiProblem.badRequest("不能修改的字段: " + k, "field cannot be changed here: " + k);
            }
        }
        this.body = body;
    }

    public boolean has(String key) {
        return body.containsKey(key);
    }

    public String text(String key, int max, String zh) {
        Object v = body.get(key);
        if (v != null && !(v instanceof String)) {
            throw ApiProblem.badRequest(zh + "须为文本", key + " must be a string");
        }
        return Limits.text((String) v, max, zh);
    }

    public Double number(String key, String zh) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw ApiProblem.badRequest(zh + "须为数字（亿元）或留空", key + " must be a number or null");
        }
        return Limits.investment(n.doubleValue(), zh);
    }

    public Boolean bool(String key, String zh) {
        Object v = body.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw ApiProblem.badRequest(zh + "须为 true 或 false", key + " must be a boolean");
        }
        return (Boolean) v;
    }

    public LocalDate date(String key, String zh) {
        Object v = body.get(key);
        if (v != null && !(v instanceof String)) {
            throw ApiProblem.badRequest(zh + "须为 YYYY-MM-DD 格式的日期", key + " must be a date string");
        }
        return Limits.date((String) v, zh);
    }

    public List<String> strings(String key, String zh) {
        Object v = body.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
            throw ApiProblem.badRequest(zh + "须为文本列表", key + " must be a list of strings");
        }
        return l.stream().map(String.class::cast).toList();
    }
}
