package dev.cgdemo.lab.fleet;

/** A stand-in child process that, like the worker, prints its last lines after SIGTERM. */
public final class PrintsWhileStopping {
    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(300); // the last commit takes a moment
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("{\"name\":\"records_consumed\",\"partitions\":[{\"partition\":0,\"count\":1,\"minOffset\":7,\"maxOffset\":7}]}");
            System.out.println("{\"name\":\"partitions_revoked\",\"partitions\":[{\"partition\":0}]}");
            System.out.println("{\"name\":\"shutdown_complete\"}");
        }));
        System.out.println("{\"name\":\"partitions_assigned\",\"partitions\":[{\"partition\":0}]}");
        Thread.sleep(60_000);
    }
}
