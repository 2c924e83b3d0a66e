package dev.cgdemo.worker;

public final class WorkerMain {
    public static void main(String[] args) {
        System.out.println("cgdemo-worker");
    }
}
