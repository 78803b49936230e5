#!/bin/bash
# As in the Kafka distribution: format the KRaft storage.
exec /opt/kafka/bin/kafka-run-class.sh kafka.tools.StorageTool "$@"
