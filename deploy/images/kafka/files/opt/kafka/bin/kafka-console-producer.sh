#!/bin/bash
# As in the Kafka distribution: records from standard input.
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.ConsoleProducer "$@"
