package dev.cgdemo.operator.chaos;

import dev.cgdemo.operator.model.ChaosSpec;
import dev.cgdemo.worker.chaos.ChaosAction;
import dev.cgdemo.worker.chaos.ChaosEffect;
import dev.cgdemo.worker.chaos.ChaosPlan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** spec.chaos as the worker's {@link ChaosPlan}; the spec must have passed the operator's validation. */
public final class ChaosPlans {

  public static final String DELETE = "delete";
  public static final String KILL = "kill";
  public static final String SCALE = "scale";
  public static final Map<String, ChaosEffect> EFFECTS = Map.of(
      DELETE, ChaosEffect.REMOVE_ONE, KILL, ChaosEffect.REMOVE_ONE, SCALE, ChaosEffect.RESCALE);

  private static final Pattern PARTS = Pattern.compile("^([1-9][0-9]*)(ms|s|m|h)$");

  private ChaosPlans() {
  }

  public static ChaosPlan of(ChaosSpec chaos, int replicas) {
    int min = chaos.getMinReplicas() == null ? 1 : chaos.getMinReplicas();
    int max = chaos.getMaxReplicas() == null ? Math.max(min, replicas) : chaos.getMaxReplicas();
    List<ChaosAction> actions = chaos.getActions().stream()
        .map(name -> new ChaosAction(name, EFFECTS.get(name)))
        .toList();
    return new ChaosPlan(every(chaos.getEvery()), actions, Boolean.TRUE.equals(chaos.getPaused()), min, max);
  }

  /** "30s", "500ms", "2m", "1h". */
  public static Duration every(String text) {
    Matcher m = PARTS.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
