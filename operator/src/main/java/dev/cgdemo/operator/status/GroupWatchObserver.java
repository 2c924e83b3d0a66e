package dev.cgdemo.operator.status;

import dev.cgdemo.worker.watch.GroupWatch;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** Hears of {@link GroupWatches}' watches as they start, change and stop (the live web view follows them). */
public interface GroupWatchObserver {

  GroupWatchObserver NONE = new GroupWatchObserver() { };

  default void started(ResourceID id, GroupWatch watch) {
  }

  /** Every change the watch reports, on its thread: return quickly. */
  default void changed(ResourceID id, GroupWatch.Change change) {
  }

  default void released(ResourceID id) {
  }
}
