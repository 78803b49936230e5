#!/bin/bash
# kafka-run-class.sh of the distribution, reduced to what this image needs: java on the libs folder
# with the same KAFKA_* option variables. Tools default to a small, quickly starting JVM.
set -o errexit
base=/opt/kafka
heap=${KAFKA_HEAP_OPTS:--Xmx256M}
performance=${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true}
log4j=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base/config/tools-log4j2.yaml}
# shellcheck disable=SC2086 # the option variables hold several words
exec java $heap $performance ${KAFKA_JMX_OPTS:-} $log4j ${KAFKA_OPTS:-} -cp "$base/libs/*" "$@"
