package dev.cgdemo.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** One real Admin client per address, shared, closed when its last user lets go (no broker is contacted). */
class AdminClientsTest {

  @Test
  void clientsAreSharedPerAddressAndClosedWithTheirLastUser() {
    try (AdminClients<String> clients = AdminClients.withShortTimeouts()) {
      Admin a1 = clients.acquire("cr-1", "127.0.0.1:19092");
      Admin a2 = clients.acquire("cr-2", "127.0.0.1:19092");
      Admin b = clients.acquire("cr-3", "127.0.0.1:29092");
      assertThat(a1).isSameAs(a2).isNotSameAs(b);
      assertThat(clients.acquire("cr-1", "127.0.0.1:19092")).isSameAs(a1);
      assertThat(clients.openAddresses()).containsExactlyInAnyOrder("127.0.0.1:19092", "127.0.0.1:29092");

      clients.release("cr-1");
      assertThat(clients.openAddresses()).contains("127.0.0.1:19092");
      clients.release("cr-2");
      assertThat(clients.openAddresses()).containsExactly("127.0.0.1:29092");

      // A resource that changes its address lets go of the old one.
      clients.acquire("cr-3", "127.0.0.1:39092");
      assertThat(clients.openAddresses()).containsExactly("127.0.0.1:39092");
      clients.release("unknown");
      assertThat(clients.openAddresses()).containsExactly("127.0.0.1:39092");
    }
  }

  @Test
  void anAddressKafkaCannotEvenParseIsReportedAsUnavailable() {
    try (AdminClients<String> clients = AdminClients.withShortTimeouts()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.acquire("cr", "no-such-host.invalid:9092"))
          .isInstanceOf(KafkaUnavailableException.class)
          .hasMessageContaining("no-such-host.invalid:9092");
      assertThat(clients.openAddresses()).isEmpty();
    }
  }
}
