package dev.cgdemo.worker.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default member and producer id: the host name (a pod's name in Kubernetes). */
final class Hostname {
    private Hostname() {
    }

    static String get() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
