#!/bin/bash
# As in the Kafka distribution: a broker's API versions (the health check).
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
