package com.chainatlas.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml read as Compose reads it: YAML (anchors and {@code <<} merge keys) with the variables of the
 * given environment interpolated ({@code ${X}}, {@code ${X:-default}}, {@code ${X-default}}, {@code ${X:?message}},
 * {@code ${X?message}}, {@code $$}). A required variable that is missing fails like {@code docker compose config}.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** A variable marked required ({@code :?}) that the environment does not give. */
    static final class MissingVariable extends RuntimeException {
        MissingVariable(String name, String message) {
            super(name + ": " + message);
        }
    }

    record Service(String name, Map<String, Object> spec) {

        String image() {
            Object image = spec.get("image");
            return image == null ? "" : image.toString();
        }

        List<String> profiles() {
            return strings(spec.get("profiles"));
        }

        /** The container's environment; Compose accepts a map or a list of KEY=VALUE. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            Object raw = spec.get("environment");
            if (raw instanceof Map<?, ?> map) {
                map.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
            } else {
                for (String entry : strings(raw)) {
                    int eq = entry.indexOf('=');
                    env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
                }
            }
            return env;
        }

        List<String> ports() {
            return strings(spec.get("ports"));
        }

        /** The healthcheck command as one string (CMD-SHELL's script, or the CMD words joined). */
        String healthcheck() {
            if (!(spec.get("healthcheck") instanceof Map<?, ?> check)) {
                return "";
            }
            List<String> test = strings(check.get("test"));
            return String.join(" ", test.size() > 1 ? test.subList(1, test.size()) : test);
        }

        String hostname() {
            Object hostname = spec.get("hostname");
            return hostname == null ? name : hostname.toString();
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    ComposeFile(String yaml, Map<String, String> environment) {
        Map<String, Object> root = (Map<String, Object>) interpolate(
                new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), environment);
        ((Map<String, Object>) root.get("services"))
                .forEach((name, spec) -> services.put(name, new Service(name, (Map<String, Object>) spec)));
    }

    Map<String, Service> services() {
        return services;
    }

    Service service(String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new AssertionError("no service " + name + " in the compose file");
        }
        return s;
    }

    private static Object interpolate(Object node, Map<String, String> env) {
        if (node instanceof String s) {
            return substitute(s, env);
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, interpolate(v, env)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(interpolate(v, env)));
            return out;
        }
        return node;
    }

    static String substitute(String text, Map<String, String> env) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(4) != null) {
                replacement = env.getOrDefault(m.group(4), "");
            } else {
                String name = m.group(1);
                String op = m.group(2);
                String arg = m.group(3) == null ? "" : substitute(m.group(3), env);
                String value = env.get(name);
                boolean unsetOrEmpty = value == null || value.isEmpty();
                boolean missing = op != null && op.startsWith(":") ? unsetOrEmpty : value == null;
                if (op == null) {
                    replacement = value == null ? "" : value;
                } else if (op.endsWith("-")) {
                    replacement = missing ? arg : value;
                } else if (missing) {
                    throw new MissingVariable(name, arg);
                } else {
                    replacement = value;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> strings(Object raw) {
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (raw != null) {
            out.add(raw.toString());
        }
        return out;
    }
}
