package dev.cgdemo.worker.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebEventJsonTest {

    private final WebEventJson json = new WebEventJson();

    @Test
    void anEventIsWrittenInTheDesignedShapeAndReadBack() {
        WebEvent event = new WebEvent("user-7", "page_view", "/products/3", Instant.parse("2026-11-25T06:00:00.123Z"), "producer-1", 42);

        String text = json.write(event);

        assertThat(text).isEqualTo("{\"userId\":\"user-7\",\"eventType\":\"page_view\",\"page\":\"/products/3\","
                + "\"timestamp\":\"2026-11-25T06:00:00.123Z\",\"producerId\":\"producer-1\",\"seq\":42}");
        assertThat(json.read(text)).contains(event);
        assertThat(json.writeBytes(event)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachEventCarriesItsOwnTimestampWhenInstantsRepeatAndAlternate() {
        Instant first = Instant.parse("2026-11-25T06:00:00.001Z");
        Instant second = Instant.parse("2026-11-25T06:00:00Z");
        Instant[] stamps = {first, first, second, second, first, second};

        for (int seq = 0; seq < stamps.length; seq++) {
            WebEvent event = new WebEvent("user-1", "click", "/", stamps[seq], "p", seq);
            // the text Jackson's own Instant serializer writes (ISO-8601, as Instant.toString)
            assertThat(json.write(event)).contains("\"timestamp\":\"" + stamps[seq] + "\"");
            assertThat(json.read(new String(json.writeBytes(event), StandardCharsets.UTF_8))).contains(event);
        }
    }
}
