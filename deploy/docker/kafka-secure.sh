#!/usr/bin/env bash
# The docker-compose broker (image apache/kafka), secured as ./orderflow up's brokers are: clients and the
# broker itself on SASL/SCRAM-SHA-512 over TLS (INTERNAL kafka:9092 for the containers, HOST localhost:29092 for
# tools on the host), the controller on mutual TLS, no access without an ACL (KafkaAccess, applied by the
# kafka-setup service). Reads ca.pem, broker.pem and admin.password from /run/kafka (.orderflow/secrets/kafka,
# made by ./orderflow secrets). The admin user's SCRAM credential is written when the storage is formatted.
set -euo pipefail

secrets=/run/kafka
config=/tmp/server.properties
admin_password=$(cat "$secrets/admin.password")
jaas_admin="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$admin_password\";"

cat >"$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
controller.listener.names=CONTROLLER
listeners=INTERNAL://0.0.0.0:9092,HOST://0.0.0.0:29092,CONTROLLER://0.0.0.0:9093
advertised.listeners=INTERNAL://kafka:9092,HOST://localhost:29092
listener.security.protocol.map=INTERNAL:SASL_SSL,HOST:SASL_SSL,CONTROLLER:SSL
inter.broker.listener.name=INTERNAL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=$jaas_admin
listener.name.host.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PEM
ssl.keystore.location=$secrets/broker.pem
ssl.truststore.type=PEM
ssl.truststore.location=$secrets/ca.pem
listener.name.controller.ssl.client.auth=required
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:CN=orderflow-broker
log.dirs=/var/lib/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS

# the health check's client: the admin user
cat >/tmp/admin-client.properties <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$jaas_admin
ssl.truststore.type=PEM
ssl.truststore.location=$secrets/ca.pem
PROPS

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "${CLUSTER_ID:?}" -c "$config" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
