package dev.cgdemo.worker.view;

/**
 * Who and what the page shows, fixed for a run: a title (the lab, or namespace/name of the resource) and the
 * assignor (the group's description does not say which one the members use).
 */
public record ViewHeader(String title, String assignor) {
}
