package dev.cgdemo.operator.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.cgdemo.operator.model.ConsumerGroupDemo;
import dev.cgdemo.operator.model.ConsumersSpec;
import dev.cgdemo.operator.status.GroupWatchObserver;
import dev.cgdemo.worker.consume.GroupProtocolChoice;
import dev.cgdemo.worker.view.GroupView;
import dev.cgdemo.worker.view.GroupViewHttp;
import dev.cgdemo.worker.view.MemberColours;
import dev.cgdemo.worker.view.ViewActions;
import dev.cgdemo.worker.view.ViewFeed;
import dev.cgdemo.worker.view.ViewFrames;
import dev.cgdemo.worker.view.ViewHeader;
import dev.cgdemo.worker.view.ViewSource;
import dev.cgdemo.worker.watch.GroupSnapshot;
import dev.cgdemo.worker.watch.GroupWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live web view of every ConsumerGroupDemo the operator manages, on its HTTP port:
 * <pre>
 * /                          the list of resources (list.html, reading groups.json)
 * /groups.json               namespace, name, group, topic, state, members, lost, page of each
 * /groups/NS/NAME/...        the group's page (see {@link GroupViewHttp}); actions only with --ui-actions
 * </pre>
 * A page follows the resource's {@link GroupWatch}: it appears when the watch starts and goes when it is released.
 */
public final class OperatorPages implements GroupWatchObserver, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorPages.class);
  private static final Pattern PAGE = Pattern.compile("^/groups/([a-z0-9][a-z0-9.-]*)/([a-z0-9][a-z0-9.-]*)(/.*)?$");

  private final KubernetesClient client;
  private final boolean actions;
  private final Map<ResourceID, Page> pages = new ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  private record Page(GroupWatch watch, GroupView view, MemberColours colours) {
  }

  /** @param actions scale and delete-pod buttons (--ui-actions); without, the pages are read-only */
  public OperatorPages(KubernetesClient client, boolean actions) {
    this.client = client;
    this.actions = actions;
  }

  public boolean actions() {
    return actions;
  }

  @Override
  public void started(ResourceID id, GroupWatch watch) {
    Page old = pages.get(id);
    MemberColours colours = old == null ? new MemberColours() : old.colours();
    Optional<ViewActions> writes = actions ? Optional.of(new OperatorPageActions(client, id)) : Optional.empty();
    ViewFrames frames = new ViewFrames(new ViewHeader(id.getNamespace().orElse("") + "/" + id.getName(), assignor(id)),
        colours, writes.map(ViewActions::available).orElse(List.of()));
    ViewFeed feed = new ViewFeed(ViewSource.of(watch), frames, Clock.systemUTC());
    Page replaced = pages.put(id, new Page(watch, new GroupView(feed, writes), colours));
    if (replaced != null) {
      replaced.view().feed().close();
    }
  }

  @Override
  public void changed(ResourceID id, GroupWatch.Change change) {
    Page page = pages.get(id);
    if (page != null) {
      page.view().feed().changed();
    }
  }

  @Override
  public void released(ResourceID id) {
    Page removed = pages.remove(id);
    if (removed != null) {
      removed.view().feed().close();
    }
  }

  /** The assignor the resource asks for, or the protocol's default; null when it cannot be read. */
  private String assignor(ResourceID id) {
    try {
      ConsumerGroupDemo demo = client.resources(ConsumerGroupDemo.class).inNamespace(id.getNamespace().orElse(null))
          .withName(id.getName()).get();
      ConsumersSpec consumers = demo == null || demo.getSpec() == null ? null : demo.getSpec().getConsumers();
      if (consumers == null) {
        return null;
      }
      if (consumers.getAssignor() != null) {
        return consumers.getAssignor();
      }
      String protocol = consumers.getProtocol() == null ? "classic" : consumers.getProtocol();
      return GroupProtocolChoice.parse(protocol).defaultAssignor();
    } catch (RuntimeException e) {
      LOG.debug("assignor of {}: {}", id, e.toString());
      return null;
    }
  }

  /** Answers every request of the HTTP port that is not /healthz, /readyz or /metrics. */
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/") || path.equals("/index.html")) {
      try (exchange) {
        GroupViewHttp.file(exchange, "list.html");
      }
      return;
    }
    if (path.equals("/view.css")) {
      try (exchange) {
        GroupViewHttp.file(exchange, "view.css");
      }
      return;
    }
    if (path.equals("/groups.json")) {
      try (exchange) {
        GroupViewHttp.respond(exchange, 200, "application/json", json.writeValueAsBytes(list()));
      }
      return;
    }
    Matcher matcher = PAGE.matcher(path);
    Page page = matcher.matches() ? pages.get(new ResourceID(matcher.group(2), matcher.group(1))) : null;
    if (page == null) {
      try (exchange) {
        GroupViewHttp.respond(exchange, 404, "text/plain", "no such page; the list is at /\n");
      }
      return;
    }
    if (matcher.group(3) == null) {
      try (exchange) {
        exchange.getResponseHeaders().set("Location", path + "/");
        exchange.sendResponseHeaders(301, -1);
      }
      return;
    }
    GroupViewHttp.handle(exchange, matcher.group(3).substring(1), page.view());
  }

  /** One line of the list. */
  public record Listed(String namespace, String name, String group, String topic, String state, int members,
                       long lost, String page) {
  }

  public List<Listed> list() {
    List<Listed> listed = new ArrayList<>();
    pages.forEach((id, page) -> {
      Optional<GroupSnapshot> read = page.watch().lastAvailable();
      String namespace = id.getNamespace().orElse("");
      listed.add(new Listed(namespace, id.getName(), page.watch().group(), page.watch().topic(),
          read.map(GroupSnapshot::state).orElse(null), read.map(s -> s.members().size()).orElse(0),
          page.watch().history().delivery().lost(), "groups/" + namespace + "/" + id.getName() + "/"));
    });
    listed.sort(Comparator.comparing(Listed::namespace).thenComparing(Listed::name));
    return listed;
  }

  @Override
  public void close() {
    pages.keySet().forEach(this::released);
  }
}
