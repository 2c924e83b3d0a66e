package dev.cgdemo.worker.audit;

import dev.cgdemo.worker.consume.ConsumerSettings;
import dev.cgdemo.worker.consume.GroupMember;
import dev.cgdemo.worker.consume.MemberListener;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;

/**
 * A group member with the audit on, as its own process, for tests that kill it: prints {@code owned <n>} after each
 * assignment change and {@code committed} after each commit; SIGTERM stops it cleanly.
 * Arguments: bootstrap servers, topic, group, consumer id, processing delay in ms.
 */
public final class AuditedMemberMain {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        String id = args[3];
        long delayMs = Long.parseLong(args[4]);
        ConsumerSettings settings = ConsumerSettings.of(bootstrap, topic, group, id)
                .withProcessingDelayMs(delayMs)
                .withKafkaProperties(Map.of("heartbeat.interval.ms", "500", "session.timeout.ms", "2000"));
        CountDownLatch done = new CountDownLatch(1);
        AuditPublisher audit = new AuditPublisher(bootstrap, topic, group, Map.of());
        MemberListener printer = new MemberListener() {
            @Override
            public void onAssigned(String consumerId, Collection<TopicPartition> added, Set<TopicPartition> owned) {
                System.out.println("owned " + owned.size());
            }

            @Override
            public void onRevoked(String consumerId, Collection<TopicPartition> revoked, Set<TopicPartition> owned) {
                System.out.println("owned " + owned.size());
            }

            @Override
            public void onCommitted(String consumerId, Map<TopicPartition, Long> offsets, boolean success, String error) {
                if (success) {
                    System.out.println("committed " + offsets);
                }
            }
        };
        GroupMember member = new GroupMember(settings, MemberListener.all(audit, printer));
        audit.attach(member);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            member.close();
            audit.close();
            done.countDown();
        }));
        member.start();
        done.await();
    }
}
