package dev.cgdemo.lab.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cgdemo.worker.chaos.ChaosAction;
import dev.cgdemo.worker.chaos.ChaosEffect;
import dev.cgdemo.worker.chaos.ChaosPlan;

/**
 * {@code --chaos every=20s,actions=kill,crash,add[,max=N]}: a comma after {@code actions=} goes on listing actions
 * until the next {@code key=}. {@code max} caps {@code add} (default: the starting number of consumers).
 */
public final class LabChaosOption {

    public static final String KILL = "kill";
    public static final String CRASH = "crash";
    public static final String ADD = "add";
    public static final Map<String, ChaosEffect> ACTIONS = Map.of(
            KILL, ChaosEffect.REMOVE_ONE, CRASH, ChaosEffect.REMOVE_ONE, ADD, ChaosEffect.ADD_ONE);
    public static final String ALLOWED = "every=DURATION (e.g. 500ms, 20s, 1m), actions=ACTION[,ACTION...] of kill, crash, add;"
            + " optional max=N (most consumers add starts, default --consumers)";

    private static final Pattern DURATION = Pattern.compile("^([1-9][0-9]*)(ms|s|m)$");

    private LabChaosOption() {
    }

    /** @throws IllegalArgumentException naming what is wrong and what is allowed */
    public static ChaosPlan parse(String value, int consumers) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String raw : value.split(",")) {
            String item = raw.trim();
            int equals = item.indexOf('=');
            if (equals > 0) {
                current = item.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                if (keys.containsKey(current)) {
                    throw problem("'" + current + "' is given twice");
                }
                keys.put(current, new ArrayList<>(List.of(item.substring(equals + 1).trim())));
            } else if (current != null && current.equals("actions") && !item.isEmpty()) {
                keys.get(current).add(item);
            } else {
                throw problem("'" + item + "' is not key=value");
            }
        }
        for (String key : keys.keySet()) {
            if (!List.of("every", "actions", "max").contains(key)) {
                throw problem("unknown key '" + key + "'");
            }
        }
        if (!keys.containsKey("every") || !keys.containsKey("actions")) {
            throw problem("every= and actions= are required");
        }
        Duration every = duration(keys.get("every").get(0));
        List<ChaosAction> actions = new ArrayList<>();
        for (String name : keys.get("actions")) {
            String action = name.toLowerCase(Locale.ROOT);
            if (!ACTIONS.containsKey(action)) {
                throw problem("unknown action '" + name + "'");
            }
            actions.add(new ChaosAction(action, ACTIONS.get(action)));
        }
        int max = consumers;
        if (keys.containsKey("max")) {
            try {
                max = Integer.parseInt(keys.get("max").get(0));
            } catch (NumberFormatException e) {
                throw problem("max must be a number, got '" + keys.get("max").get(0) + "'");
            }
            if (max < 1 || max > 50) {
                throw problem("max must be 1 to 50, got " + max);
            }
        }
        return new ChaosPlan(every, actions, false, 1, max);
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw problem("every must be a positive duration, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(what + " (allowed: " + ALLOWED + ")");
    }
}
