package io.shardstream.ingest.generate;

import io.shardstream.ingest.ChangeRecord;

/** An entity whose latest valid event a duplicate may re-send. */
sealed interface Replayable permits UserEntity, EmailEntity {
  ChangeRecord latestRecord();
}
