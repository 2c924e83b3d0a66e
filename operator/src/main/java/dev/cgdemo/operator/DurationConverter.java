package dev.cgdemo.operator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "500ms", "3s", "1m" or ISO-8601 ("PT3S"); must be positive. */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("^(\\d+)(ms|s|m)$");

  @Override
  public Duration convert(String value) {
    Duration duration;
    Matcher m = SHORT.matcher(value.trim());
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      };
    } else {
      try {
        duration = Duration.parse(value.trim());
      } catch (RuntimeException e) {
        throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 500ms, 3s, 1m or PT3S");
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException("'" + value + "' must be longer than zero");
    }
    return duration;
  }
}
