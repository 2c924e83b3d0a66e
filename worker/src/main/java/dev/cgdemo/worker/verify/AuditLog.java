package dev.cgdemo.worker.verify;

import dev.cgdemo.worker.history.AssignmentChange;
import dev.cgdemo.worker.history.ProcessedRange;

import java.util.List;

/** Everything the consumers of one topic reported: processed batches and assignment changes. */
public record AuditLog(List<ProcessedRange> batches, List<AssignmentChange> assignments) {

    public AuditLog {
        batches = List.copyOf(batches);
        assignments = List.copyOf(assignments);
    }
}
