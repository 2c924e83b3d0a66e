package dev.cgdemo.worker.chaos;

/** One kind of action a chaos plan may take, by the name its user typed ({@code kill}, {@code add}, ...). */
public record ChaosAction(String name, ChaosEffect effect) {
}
