package dev.cgdemo.worker.view;

import java.util.Optional;

/** The live page of one group: its frames, and what its buttons do (none: read-only, no write endpoints). */
public record GroupView(ViewFeed feed, Optional<ViewActions> actions) {
}
