package dev.cgdemo.worker.chaos;

/** What a chaos action does to the number of running consumers. */
public enum ChaosEffect {
    /** One consumer goes away (a pod deleted or killed, a process stopped or crashed). */
    REMOVE_ONE,
    /** One more consumer starts. */
    ADD_ONE,
    /** The number of consumers changes to another value between the plan's minimum and maximum. */
    RESCALE
}
