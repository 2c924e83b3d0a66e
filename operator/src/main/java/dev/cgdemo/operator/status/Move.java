package dev.cgdemo.operator.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One partition's change of owner as the status and Events write it: "partition: from -> to", "-" for nobody. */
record Move(int partition, String from, String to) {

  private static final Pattern TEXT = Pattern.compile("(\\d+): (.+) -> (.+)");

  static Move parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a move: " + text);
    }
    return new Move(Integer.parseInt(matcher.group(1)), owner(matcher.group(2)), owner(matcher.group(3)));
  }

  private static String owner(String text) {
    return Rebalances.NOBODY.equals(text) ? null : text;
  }
}
