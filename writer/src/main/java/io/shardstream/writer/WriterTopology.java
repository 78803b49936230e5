package io.shardstream.writer;

import io.shardstream.core.config.EntityDefinition;
import io.shardstream.core.config.ParentRelation;
import io.shardstream.schemas.model.EntityEventSchemas;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.event.EntityEventValidator;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.sink.TableWriter;
import io.shardstream.writer.sink.ThreadSinks;
import io.shardstream.writer.stage.CascadeCommand;
import io.shardstream.writer.stage.EntityLinks;
import io.shardstream.writer.stage.NodeNames;
import io.shardstream.writer.stage.OwnerChange;
import io.shardstream.writer.stage.StageProcessors;
import io.shardstream.writer.state.GateStores;
import io.shardstream.writer.state.JsonSerde;
import io.shardstream.writer.state.StoreKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;

/**
 * The writer's Kafka Streams topology, built from the entity configuration: one stage per entity,
 * keyed by its unique id, and two topics the writer owns between a child and its parent (the
 * diagram is in writer/README.md, "Topology").
 *
 * <ul>
 *   <li>Every entity's stage (a sub-topology reading {@code <plural>.changes}) applies the version
 *       gate in {@code <token>-states} and writes its items.
 *   <li>A child linked to its parent ({@link EntityLinks#linkedParent}: cascading delete, or the
 *       parent owns its unique value) forwards each accepted change to the parent's stage keyed by
 *       the parent id ({@code <app>-<child>-owner-changes}), and reads cascade commands ({@code
 *       <app>-<child>-cascade}): delete the child if the named parent still owns it at a version no
 *       newer than the command's bound, which frees it for any newer claim.
 *   <li>The parent's stage keeps {@code <parent>-children} (parent id → child entity → child id →
 *       claim version). Its DELETE leaves a tombstone and sends a cascade command per claimed
 *       child. A CLAIM for a deleted parent is dead-lettered as {@code <parent>-deleted} and a
 *       cascade command removes the child again; a claim for a parent never seen is accepted (its
 *       events may simply come later).
 * </ul>
 *
 * <p>For User/Email: the email stage (email-states, emails.changes, {@code <app>-email-cascade})
 * and the user stage (user-states, user-children, users.changes, {@code
 * <app>-email-owner-changes}), as before. Every table item is written by its entity's stage only,
 * keyed by the item's unique id, so each item's writes come from one task, in order. Each task's
 * writes go through its sink store, which makes them durable before the task commits (see {@link
 * io.shardstream.writer.sink.TableSinkStore}). Built by a static method apart from {@code main}, as
 * in Kafka's own examples, so {@code TopologyTestDriver} tests build the same thing.
 */
public final class WriterTopology {

  /**
   * What the topology needs.
   *
   * @param table where the sinks write (DynamoDB, or an in-memory table in tests)
   * @param futureSkew how far after its record's timestamp an entity's {@code created} may lie
   * @param flushMaxOps a task's sink writes its buffer when it holds this many operations, even
   *     before the commit
   * @param failureBackoff the pause after a failed table write before the thread's records are
   *     processed again (an unreachable schema registry is waited out by the stream thread's
   *     uncaught-exception handler instead)
   * @param threadSinks where the sinks enlist so that their thread's transaction commit writes them
   *     first (the Kafka Streams client must use a {@link
   *     io.shardstream.writer.sink.DurableCommitClientSupplier} with the same instance)
   */
  public record Dependencies(
      TopicNames topics,
      TableItems items,
      ChangeEventSerdes serdes,
      TableWriter table,
      WriterMetrics metrics,
      Duration futureSkew,
      int flushMaxOps,
      StoreKind storeKind,
      Duration failureBackoff,
      ThreadSinks threadSinks) {

    public Dependencies {
      Objects.requireNonNull(topics, "topics");
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(serdes, "serdes");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(futureSkew, "futureSkew");
      Objects.requireNonNull(storeKind, "storeKind");
      Objects.requireNonNull(failureBackoff, "failureBackoff");
      Objects.requireNonNull(threadSinks, "threadSinks");
    }
  }

  private WriterTopology() {}

  public static Topology build(Dependencies deps) {
    TopicNames topics = deps.topics();
    EntityLinks links = new EntityLinks(deps.items().config());
    Topology topology = new Topology();
    for (EntityDefinition entity : links.entities()) {
      addStage(topology, deps, links, entity);
    }
    return topology;
  }

  /**
   * One entity's stage: its events, the cascades it receives from its parent, the claims of its
   * linked children; its stores; and its sinks. A sink belongs to one stage only: a sink shared by
   * two stages would join them into one sub-topology.
   */
  private static void addStage(
      Topology topology, Dependencies deps, EntityLinks links, EntityDefinition entity) {
    TopicNames topics = deps.topics();
    String token = entity.token();
    ByteArrayDeserializer bytesIn = new ByteArrayDeserializer();
    // The processors serialize what they forward (StageOutputs), so every sink writes bytes.
    ByteArraySerializer bytesOut = new ByteArraySerializer();
    List<String> processors = new ArrayList<>();

    String events = NodeNames.events(token);
    topology.addSource(NodeNames.source(token), bytesIn, bytesIn, topics.entity(token));
    topology.addProcessor(
        events,
        StageProcessors.events(
            entity,
            deps.serdes().genericDecoder(EntityEventSchemas.derive(entity)),
            new EntityEventValidator(entity, deps.items(), deps.futureSkew()),
            deps.items(),
            links,
            deps.metrics()),
        NodeNames.source(token));
    processors.add(events);

    Optional<ParentRelation> parent = links.linkedParent(entity);
    if (parent.isPresent()) {
      topology.addSource(
          NodeNames.cascadeSource(token),
          new StringDeserializer(),
          JsonSerde.of(CascadeCommand.class).deserializer(),
          topics.cascade(token));
      topology.addProcessor(
          NodeNames.cascade(token),
          StageProcessors.cascade(entity, deps.items(), deps.metrics()),
          NodeNames.cascadeSource(token));
      processors.add(NodeNames.cascade(token));
    }
    List<EntityDefinition> children = links.linkedChildren(token);
    for (EntityDefinition child : children) {
      String childToken = child.token();
      topology.addSource(
          NodeNames.ownerChangesSource(childToken),
          new StringDeserializer(),
          JsonSerde.of(OwnerChange.class).deserializer(),
          topics.ownerChanges(childToken));
      topology.addProcessor(
          NodeNames.ownership(childToken),
          StageProcessors.ownership(entity, child, deps.metrics()),
          NodeNames.ownerChangesSource(childToken));
      processors.add(NodeNames.ownership(childToken));
    }

    String[] all = processors.toArray(String[]::new);
    topology.addStateStore(GateStores.states(token, deps.storeKind()), all);
    if (!children.isEmpty()) {
      topology.addStateStore(GateStores.children(token, deps.storeKind()), all);
    }
    topology.addStateStore(
        new TableSinkStoreBuilder(
            NodeNames.tableSink(token),
            deps.table(),
            deps.flushMaxOps(),
            deps.metrics(),
            deps.failureBackoff(),
            deps.threadSinks()),
        all);

    if (parent.isPresent()) {
      topology.addSink(
          NodeNames.ownerChangesSink(token),
          topics.ownerChanges(token),
          bytesOut,
          bytesOut,
          events);
    }
    for (EntityDefinition child : children) {
      // Parent DELETEs (events) and refused claims (ownership) send cascades.
      topology.addSink(
          NodeNames.cascadeSink(child.token()),
          topics.cascade(child.token()),
          bytesOut,
          bytesOut,
          all);
    }
    topology.addSink(
        NodeNames.deadLettersSink(token), topics.deadLetters(), bytesOut, bytesOut, all);
    topology.addSink(
        NodeNames.changesSink(token), topics.appliedChanges(), bytesOut, bytesOut, all);
  }
}
