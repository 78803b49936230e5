package io.shardstream.ingest.stream;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * KCL's record processor for one shard: hands each batch to a {@link StreamBatchForwarder}, which
 * checkpoints it once Kafka has acknowledged it. Every acknowledged batch is checkpointed as it
 * completes, so a graceful shutdown has nothing left to write.
 */
final class KclRecordProcessor implements DynamoDBStreamsShardRecordProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(KclRecordProcessor.class);
  private static final int CHECKPOINT_ATTEMPTS = 4;

  private final StreamBatchForwarder forwarder;
  private String shardId = "?";

  KclRecordProcessor(StreamBatchForwarder forwarder) {
    this.forwarder = forwarder;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    LOG.debug("shard {}: reading from {}", shardId, input.extendedSequenceNumber());
  }

  @Override
  public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
    List<Record> records =
        input.records().stream().map(DynamoDBStreamsClientRecord::getRecord).toList();
    forwarder.forward(records, sequenceNumber -> checkpoint(input.checkpointer(), sequenceNumber));
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    LOG.info("shard {}: lease lost; its new owner continues from the last checkpoint", shardId);
  }

  /** A closed shard must be checkpointed at its end, or KCL never moves on to its children. */
  @Override
  public void shardEnded(ShardEndedInput input) {
    if (forwarder.failure() != null) {
      return; // its last batch was not delivered: the shard must be read again
    }
    try {
      checkpoint(input.checkpointer(), null);
    } catch (ShutdownException e) {
      LOG.info(
          "shard {}: ended while shutting down; its end is checkpointed by the next owner",
          shardId);
    } catch (Exception e) {
      LOG.warn(
          "shard {}: end not checkpointed ({}); it is read again after a restart",
          shardId,
          e.toString());
    }
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    LOG.debug(
        "shard {}: shutdown requested; every acknowledged batch is already checkpointed", shardId);
  }

  /**
   * Retries throttled checkpoints (the lease table's capacity) a few times with a short backoff.
   */
  private static void checkpoint(RecordProcessorCheckpointer checkpointer, String sequenceNumber)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        if (sequenceNumber == null) {
          checkpointer.checkpoint();
        } else {
          checkpointer.checkpoint(sequenceNumber);
        }
        return;
      } catch (ThrottlingException e) {
        if (attempt == CHECKPOINT_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(200L << attempt);
      }
    }
  }
}
