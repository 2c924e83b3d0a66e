package dev.cgdemo.lab.bench;

/** One client's measured throughput. */
public record ThroughputFigure(String client, long records, double seconds, double bytesPerRecord) {

    public double recordsPerSecond() {
        return records / seconds;
    }

    public double megabytesPerSecond() {
        return recordsPerSecond() * bytesPerRecord / (1024 * 1024);
    }
}
