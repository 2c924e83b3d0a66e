package dev.cgdemo.operator.status;

/**
 * One partition of the demo topic as the group sees it. {@code owner} is the owning member's
 * client id (a pod name) or null; {@code committed} is null until the group commits.
 */
public record PartitionRow(int partition, String owner, Long committed, long end) {

  /** Records not yet committed; with no commit at all, everything up to the end. */
  public long lag() {
    return Math.max(0, end - (committed == null ? 0 : committed));
  }
}
