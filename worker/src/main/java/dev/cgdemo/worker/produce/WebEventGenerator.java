package dev.cgdemo.worker.produce;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/** Makes the article's web events: random users among {@code keys}, random event types and pages, a running sequence. */
final class WebEventGenerator {
    private static final List<String> EVENT_TYPES = List.of("page_view", "page_view", "page_view", "click", "add_to_cart", "purchase");
    private static final List<String> PAGES = List.of("/", "/products", "/products/1", "/products/2", "/products/3",
            "/products/4", "/products/5", "/cart", "/checkout", "/account");

    private final String producerId;
    private final int keys;
    private final Random random;
    private final Clock clock;
    private long nextSeq;

    WebEventGenerator(String producerId, int keys, Random random, Clock clock) {
        this.producerId = producerId;
        this.keys = keys;
        this.random = random;
        this.clock = clock;
    }

    WebEvent next() {
        String user = "user-" + (1 + random.nextInt(keys));
        // to the millisecond, like Kafka's own record timestamps
        return new WebEvent(user, pick(EVENT_TYPES), pick(PAGES), clock.instant().truncatedTo(ChronoUnit.MILLIS), producerId, nextSeq++);
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
