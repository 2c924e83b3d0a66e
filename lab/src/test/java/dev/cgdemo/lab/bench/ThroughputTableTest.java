package dev.cgdemo.lab.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThroughputTableTest {

    @Test
    void eachClientShowsItsMedianRunAndTheRatiosAreGivenPerRoundToo() {
        ThroughputRuns runs = new ThroughputRuns();
        // three rounds: seconds per run, so records/s = 1000 / seconds
        double[][] seconds = {
                {4, 5, 1.0, 1.25, 1.0}, // round 1: worker producer, Kafka producer, worker, audited, Kafka consumer
                {5, 4, 2.0, 2.50, 1.0}, // round 2: an outlier for the worker consumer
                {4, 4, 1.1, 1.20, 1.0}};
        String[] clients = {ThroughputBench.WORKER_PRODUCER, ThroughputBench.KAFKA_PRODUCER, ThroughputBench.WORKER_CONSUMER,
                ThroughputBench.AUDITED_CONSUMER, ThroughputBench.KAFKA_CONSUMER};
        for (double[] round : seconds) {
            for (int c = 0; c < clients.length; c++) {
                runs.add(new ThroughputFigure(clients[c], 1000, round[c], clients[c].contains("producer") ? 0 : 100));
            }
        }
        runs.withBytesPerRecord(ThroughputBench.WORKER_PRODUCER, 100);

        assertThat(runs.rounds()).isEqualTo(3);
        assertThat(runs.median(ThroughputBench.WORKER_CONSUMER).seconds()).isEqualTo(1.1);
        assertThat(runs.median(ThroughputBench.WORKER_PRODUCER).bytesPerRecord()).isEqualTo(100);
        assertThat(runs.ratiosPerRound(ThroughputBench.WORKER_CONSUMER, ThroughputBench.KAFKA_CONSUMER))
                .containsExactly(1.0, 0.5, 1.0 / 1.1);

        String table = new ThroughputTable().render(runs);
        assertThat(table).contains("3 rounds with the order rotated, the median run of each")
                .contains("| worker consumer (audit off) | 1000 | 1.10 | 909 | 0.1 |")
                .contains("- consumer: worker (audit off) / Kafka: 0.91 (per round: 1.00, 0.50, 0.91)")
                .contains("- producer: worker / Kafka: 1.00 (per round: 1.25, 0.80, 1.00)");
    }

    @Test
    void aClientWithoutRunsIsNamed() {
        assertThatThrownBy(() -> new ThroughputRuns().median("worker producer"))
                .hasMessageContaining("no runs of worker producer");
    }
}
