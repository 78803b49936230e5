package io.shardstream.writer;

import io.shardstream.schemas.avro.EmailChangeEvent;
import io.shardstream.schemas.avro.UserChangeEvent;
import io.shardstream.schemas.serde.ChangeEventSerdes;
import io.shardstream.writer.event.EmailEventValidator;
import io.shardstream.writer.event.UserEventValidator;
import io.shardstream.writer.item.TableItems;
import io.shardstream.writer.metrics.WriterMetrics;
import io.shardstream.writer.sink.TableSinkStoreBuilder;
import io.shardstream.writer.sink.TableWriter;
import io.shardstream.writer.sink.ThreadSinks;
import io.shardstream.writer.stage.CascadeCommand;
import io.shardstream.writer.stage.EmailOwnerChange;
import io.shardstream.writer.stage.NodeNames;
import io.shardstream.writer.stage.StageProcessors;
import io.shardstream.writer.state.GateStores;
import io.shardstream.writer.state.JsonSerde;
import io.shardstream.writer.state.StoreKind;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;

/**
 * The writer's Kafka Streams topology: two stages, each keyed by what it must keep unique, joined
 * by two topics the writer owns (the diagram is in writer/README.md, "Topology").
 *
 * <ul>
 *   <li><b>A</b> (sub-topology reading {@code emails.changes} and {@code <app>-email-cascade}): the
 *       version gate and uniqueness of addresses ({@code email-owned-by-other-user}) in {@code
 *       email-states}; writes email items; forwards each accepted change to B keyed by the owner. A
 *       cascade command deletes the address if the named user still owns it at a version no newer
 *       than the command's bound, which frees it for any newer claim.
 *   <li><b>B</b> (sub-topology reading {@code users.changes} and {@code
 *       <app>-email-owner-changes}): the user version gate in {@code user-states}; writes user
 *       items; keeps {@code user-emails} (userId → address → claim version). A user DELETE leaves a
 *       tombstone and sends a cascade command per owned address. A CLAIM for a deleted user is
 *       dead-lettered as {@code user-deleted} and a cascade command removes the address again; a
 *       claim for a user never seen is accepted (its events may simply come later).
 * </ul>
 *
 * <p>Every table item is written by one stage only (emails by A, users by B), and each stage is
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
    JsonSerde<EmailOwnerChange> ownerChanges = JsonSerde.of(EmailOwnerChange.class);
    JsonSerde<CascadeCommand> cascades = JsonSerde.of(CascadeCommand.class);
    ByteArrayDeserializer bytesIn = new ByteArrayDeserializer();
    // The processors serialize what they forward (StageOutputs), so every sink writes bytes.
    ByteArraySerializer bytesOut = new ByteArraySerializer();
    Topology topology = new Topology();

    // A: the email stage, keyed by address.
    topology.addSource(NodeNames.EMAILS_SOURCE, bytesIn, bytesIn, topics.emails());
    topology.addSource(
        NodeNames.EMAIL_CASCADE_SOURCE,
        new StringDeserializer(),
        cascades.deserializer(),
        topics.emailCascade());
    topology.addProcessor(
        NodeNames.EMAIL_EVENTS,
        StageProcessors.emailEvents(
            deps.serdes().valueDecoder(EmailChangeEvent.class),
            new EmailEventValidator(deps.items(), deps.futureSkew()),
            deps.items(),
            deps.metrics()),
        NodeNames.EMAILS_SOURCE);
    topology.addProcessor(
        NodeNames.EMAIL_CASCADE,
        StageProcessors.emailCascade(deps.items(), deps.metrics()),
        NodeNames.EMAIL_CASCADE_SOURCE);
    topology.addStateStore(
        GateStores.emailStates(deps.storeKind()), NodeNames.EMAIL_EVENTS, NodeNames.EMAIL_CASCADE);
    topology.addStateStore(
        new TableSinkStoreBuilder(
            TableSinkStoreBuilder.EMAIL_SINK,
            deps.table(),
            deps.flushMaxOps(),
            deps.metrics(),
            deps.failureBackoff(),
            deps.threadSinks()),
        NodeNames.EMAIL_EVENTS,
        NodeNames.EMAIL_CASCADE);
    topology.addSink(
        NodeNames.EMAIL_OWNER_CHANGES_SINK,
        topics.emailOwnerChanges(),
        bytesOut,
        bytesOut,
        NodeNames.EMAIL_EVENTS);
    topology.addSink(
        NodeNames.EMAIL_DEAD_LETTERS_SINK,
        topics.deadLetters(),
        bytesOut,
        bytesOut,
        NodeNames.EMAIL_EVENTS);
    // One change-feed sink per stage: a sink shared by both would join them into one
    // sub-topology.
    topology.addSink(
        NodeNames.EMAIL_CHANGES_SINK,
        topics.appliedChanges(),
        bytesOut,
        bytesOut,
        NodeNames.EMAIL_EVENTS,
        NodeNames.EMAIL_CASCADE);

    // B: the user stage, keyed by userId.
    topology.addSource(NodeNames.USERS_SOURCE, bytesIn, bytesIn, topics.users());
    topology.addSource(
        NodeNames.EMAIL_OWNER_CHANGES_SOURCE,
        new StringDeserializer(),
        ownerChanges.deserializer(),
        topics.emailOwnerChanges());
    topology.addProcessor(
        NodeNames.USER_EVENTS,
        StageProcessors.userEvents(
            deps.serdes().valueDecoder(UserChangeEvent.class),
            new UserEventValidator(deps.items(), deps.futureSkew()),
            deps.items(),
            deps.metrics()),
        NodeNames.USERS_SOURCE);
    topology.addProcessor(
        NodeNames.EMAIL_OWNERSHIP,
        StageProcessors.emailOwnership(deps.metrics()),
        NodeNames.EMAIL_OWNER_CHANGES_SOURCE);
    topology.addStateStore(
        GateStores.userStates(deps.storeKind()), NodeNames.USER_EVENTS, NodeNames.EMAIL_OWNERSHIP);
    topology.addStateStore(
        GateStores.userEmails(deps.storeKind()), NodeNames.USER_EVENTS, NodeNames.EMAIL_OWNERSHIP);
    topology.addStateStore(
        new TableSinkStoreBuilder(
            TableSinkStoreBuilder.USER_SINK,
            deps.table(),
            deps.flushMaxOps(),
            deps.metrics(),
            deps.failureBackoff(),
            deps.threadSinks()),
        NodeNames.USER_EVENTS,
        NodeNames.EMAIL_OWNERSHIP);
    topology.addSink(
        NodeNames.EMAIL_CASCADE_SINK,
        topics.emailCascade(),
        bytesOut,
        bytesOut,
        NodeNames.USER_EVENTS,
        NodeNames.EMAIL_OWNERSHIP);
    topology.addSink(
        NodeNames.USER_DEAD_LETTERS_SINK,
        topics.deadLetters(),
        bytesOut,
        bytesOut,
        NodeNames.USER_EVENTS,
        NodeNames.EMAIL_OWNERSHIP);
    topology.addSink(
        NodeNames.USER_CHANGES_SINK,
        topics.appliedChanges(),
        bytesOut,
        bytesOut,
        NodeNames.USER_EVENTS,
        NodeNames.EMAIL_OWNERSHIP);
    return topology;
  }
}
