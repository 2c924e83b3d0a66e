package dev.cgdemo.operator.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * One Kafka Admin client per bootstrap address, shared by every resource that names that address,
 * and closed as soon as no resource uses it any more.
 *
 * @param <U> what identifies a user (a custom resource)
 */
public final class AdminClients<U> implements AutoCloseable {

  private final Function<String, Admin> factory;
  private final Map<String, Admin> clientByAddress = new HashMap<>();
  private final Map<String, Set<U>> usersByAddress = new HashMap<>();
  private final Map<U, String> addressByUser = new HashMap<>();

  public AdminClients(Function<String, Admin> factory) {
    this.factory = factory;
  }

  /** Admin clients that give up within seconds, so an unreachable broker never blocks a reconcile long. */
  public static <U> AdminClients<U> withShortTimeouts() {
    return new AdminClients<>(AdminClients::createAdmin);
  }

  /** The client for {@code address}; {@code user} stops using any address it used before. */
  public synchronized Admin acquire(U user, String address) {
    String previous = addressByUser.get(user);
    if (address.equals(previous)) {
      return clientByAddress.get(address);
    }
    Admin admin = clientByAddress.get(address);
    if (admin == null) {
      try {
        admin = factory.apply(address);
      } catch (KafkaException e) {
        throw new KafkaUnavailableException(address, e);
      }
      clientByAddress.put(address, admin);
    }
    usersByAddress.computeIfAbsent(address, a -> new HashSet<>()).add(user);
    addressByUser.put(user, address);
    if (previous != null) {
      dropUser(user, previous);
    }
    return admin;
  }

  /** {@code user} no longer needs Kafka; its client is closed if nobody else uses it. */
  public synchronized void release(U user) {
    String address = addressByUser.remove(user);
    if (address != null) {
      dropUser(user, address);
    }
  }

  public synchronized Set<String> openAddresses() {
    return Set.copyOf(clientByAddress.keySet());
  }

  @Override
  public synchronized void close() {
    clientByAddress.values().forEach(Admin::close);
    clientByAddress.clear();
    usersByAddress.clear();
    addressByUser.clear();
  }

  private void dropUser(U user, String address) {
    Set<U> users = usersByAddress.get(address);
    users.remove(user);
    if (users.isEmpty()) {
      usersByAddress.remove(address);
      Admin admin = clientByAddress.remove(address);
      if (admin != null) {
        admin.close();
      }
    }
  }

  private static Admin createAdmin(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "cgdemo-operator");
    return Admin.create(ShortTimeouts.applyTo(props));
  }
}
