#!/usr/bin/env python3
"""Follows Orderflow's orders through the saga topics and prints each order's state as it moves on.

A client of the suite written in Python, with nothing of the suite's Java code: confluent-kafka (librdkafka)
reads the saga topics, the schema registry's Confluent-compatible API (/apis/ccompat/v7) gives the writer
schema of each record by the id in its Confluent framing (magic byte 0, 4-byte schema id, Avro binary), and
Apache Avro decodes it. One line per record on standard output (--json: one JSON object per line); warnings
and the closing summary go to standard error.

Connects like the suite's Java clients: ORDERFLOW_KAFKA_USERNAME with ORDERFLOW_KAFKA_PASSWORD or
ORDERFLOW_KAFKA_PASSWORD_FILE means SASL/SCRAM-SHA-512 over TLS, trusting the PEM file
ORDERFLOW_KAFKA_TRUSTED_CERTIFICATES (the system's certificate authorities without it); no user name means
plain text. See README.md beside this file.
"""

import argparse
import io
import json
import os
import signal
import struct
import sys
import time
import urllib.error
import urllib.request

import avro.errors
import avro.io
import avro.schema
import confluent_kafka
from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError

# the saga's topics, in saga order (schemas/src/main/java/io/orderflow/schemas/Topics.java)
SAGA_TOPICS = (
    "orders.order-placed.v1",
    "inventory.stock-reserved.v1",
    "inventory.stock-rejected.v1",
    "payments.payment-completed.v1",
    "payments.payment-failed.v1",
    "inventory.stock-released.v1",
    "orders.order-confirmed.v1",
    "orders.order-cancelled.v1",
)

# the consumer group orderflow-ops may read in (tools/.../kafka/KafkaAccess.java)
DEFAULT_GROUP = "orderflow-examples"

SCRAM_MECHANISM = "SCRAM-SHA-512"

# Kafka errors after which waiting longer cannot help: wrong credentials, or no ACL for the topic or group
FATAL_ERRORS = {
    KafkaError._AUTHENTICATION,
    KafkaError.SASL_AUTHENTICATION_FAILED,
    KafkaError.TOPIC_AUTHORIZATION_FAILED,
    KafkaError.GROUP_AUTHORIZATION_FAILED,
    KafkaError._SSL,
}


def main(argv=None):
    args = parse_args(argv)
    try:
        kafka_config = consumer_config(args)
    except ValueError as ex:
        print(f"follow_orders: {ex}", file=sys.stderr)
        return 2
    follower = Follower(SchemaRegistry(args.registry_url), args.json, set(args.order or ()))
    return Run(kafka_config, follower, args).consume()


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Follow Orderflow's orders through the saga topics: one line per event with the order's state.")
    parser.add_argument("--bootstrap-servers", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                        help="the brokers (default: $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)")
    parser.add_argument("--registry-url", default=os.environ.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085"),
                        help="the schema registry: its base URL, as the services' SCHEMA_REGISTRY_URL, or the root of "
                             "its Confluent API (default: $SCHEMA_REGISTRY_URL or http://127.0.0.1:8085; "
                             "/apis/ccompat/v7 is added to a URL without a path)")
    parser.add_argument("--username", default=os.environ.get("ORDERFLOW_KAFKA_USERNAME"),
                        help="the Kafka SCRAM user (default: $ORDERFLOW_KAFKA_USERNAME; none: plain text)")
    parser.add_argument("--password-file", default=os.environ.get("ORDERFLOW_KAFKA_PASSWORD_FILE"),
                        help="a file holding the user's password (default: $ORDERFLOW_KAFKA_PASSWORD_FILE; "
                             "$ORDERFLOW_KAFKA_PASSWORD wins, and is the only other way: never on the command line)")
    parser.add_argument("--ca-file", default=os.environ.get("ORDERFLOW_KAFKA_TRUSTED_CERTIFICATES"),
                        help="PEM file of the certificate authorities that signed the brokers' certificates "
                             "(default: $ORDERFLOW_KAFKA_TRUSTED_CERTIFICATES; none: the system's)")
    parser.add_argument("--group", default=DEFAULT_GROUP,
                        help=f"the consumer group (default: {DEFAULT_GROUP}, the group orderflow-ops may read in)")
    parser.add_argument("--from-beginning", action="store_true",
                        help="start at the first record of every partition, whatever the group has committed "
                             "(default: where the group left off; the end for a new group)")
    parser.add_argument("--order", action="append", metavar="ORDER_ID",
                        help="follow only this order (repeatable; default: every order)")
    parser.add_argument("--max-events", type=int, metavar="N",
                        help="stop after N records (default: no limit)")
    parser.add_argument("--idle-timeout", type=float, metavar="SECONDS",
                        help="stop when no record came for this long once the partitions are assigned "
                             "(default: run until interrupted)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    return parser.parse_args(argv)


def consumer_config(args):
    """librdkafka's settings: the brokers, the group, and the principal's SASL_SSL when a user is named."""
    config = {
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group,
        "client.id": "orderflow-python-example",
        "auto.offset.reset": "earliest" if args.from_beginning else "latest",
        # an offset is stored once its line is printed, and committed from there (every 5 s and on close)
        "enable.auto.offset.store": False,
    }
    username = (args.username or "").strip()
    if not username:
        return config
    password = (os.environ.get("ORDERFLOW_KAFKA_PASSWORD") or "").strip()
    if not password and args.password_file:
        try:
            with open(args.password_file, encoding="utf-8") as file:
                password = file.read().strip()
        except OSError as ex:
            raise ValueError(f"cannot read the Kafka password file {args.password_file}: {ex.strerror}") from ex
    if not password:
        raise ValueError(f"the Kafka user '{username}' needs a password: set ORDERFLOW_KAFKA_PASSWORD or "
                         "ORDERFLOW_KAFKA_PASSWORD_FILE (or --password-file)")
    config.update({
        "security.protocol": "SASL_SSL",
        "sasl.mechanism": SCRAM_MECHANISM,
        "sasl.username": username,
        "sasl.password": password,
    })
    if args.ca_file:
        if not os.access(args.ca_file, os.R_OK):
            raise ValueError(f"the brokers' certificate authorities {args.ca_file} cannot be read")
        config["ssl.ca.location"] = args.ca_file
    return config


class SchemaRegistry:
    """Writer schemas by id, from the registry's Confluent API (GET /schemas/ids/{id}), each fetched once:
    an id always denotes the same schema."""

    def __init__(self, url):
        url = url.rstrip("/")
        self.url = url if "/apis/" in url else url + "/apis/ccompat/v7"
        self.schemas = {}

    def schema(self, schema_id):
        if schema_id not in self.schemas:
            with urllib.request.urlopen(f"{self.url}/schemas/ids/{schema_id}", timeout=10) as response:
                self.schemas[schema_id] = avro.schema.parse(json.load(response)["schema"])
        return self.schemas[schema_id]

    def decode(self, value):
        """The record's schema and its fields, from a value in the Confluent wire format."""
        if value is None or len(value) < 5 or value[0] != 0:
            raise ValueError("not in the Confluent wire format (magic byte 0, 4-byte schema id, Avro)")
        schema = self.schema(struct.unpack(">I", value[1:5])[0])
        return schema, avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))


class OrderState:
    """An order as the saga's events have shown it so far.

    The status follows order-service's rules: PENDING until it ends; StockRejected makes a pending order REJECTED;
    order-service's own OrderConfirmed and OrderCancelled are its decision and win over anything else. The events
    of one order come on different topics, in any order relative to each other; steps lists them as they came."""

    def __init__(self):
        self.status = "PENDING"
        self.customer_id = None
        self.total = None
        self.steps = []

    def apply(self, event, fields):
        step = STEPS.get(event, event)
        if step not in self.steps:
            self.steps.append(step)
        self.customer_id = fields.get("customerId") or self.customer_id
        if event in ("StockReserved", "OrderConfirmed"):
            self.total = fields["total"]
        elif event == "PaymentCompleted" and self.total is None:
            self.total = fields["amount"]
        if event == "OrderConfirmed":
            self.status = "CONFIRMED"
        elif event == "OrderCancelled":
            self.status = "CANCELLED"
        elif event == "StockRejected" and self.status == "PENDING":
            self.status = "REJECTED"

    def as_json(self):
        return {"status": self.status, "customerId": self.customer_id, "total": self.total, "steps": self.steps}

    def __str__(self):
        return f"{self.status} [{' '.join(self.steps)}]"


# the steps as order-service's timeline names them (SagaStep), and inventory's release
STEPS = {
    "OrderPlaced": "ORDER_PLACED",
    "StockReserved": "STOCK_RESERVED",
    "StockRejected": "STOCK_REJECTED",
    "PaymentCompleted": "PAYMENT_COMPLETED",
    "PaymentFailed": "PAYMENT_FAILED",
    "StockReleased": "STOCK_RELEASED",
    "OrderConfirmed": "ORDER_CONFIRMED",
    "OrderCancelled": "ORDER_CANCELLED",
}


def money(value):
    # amounts are minor units (cents), as in the events and the services' APIs
    return f"{value['amountMinor']} {value['currency']}" if value else "?"


def quantities(items):
    return ",".join(f"{item['sku']}x{item['quantity']}" for item in items)


def rejections(items):
    return ",".join(f"{item['sku']}({item['reason']}: {item['requested']} asked, {item['available']} left)"
                    for item in items)


def summary(event, fields):
    """What matters of an event, in a few words."""
    if event == "OrderPlaced":
        return f"customer={fields['customerId']} lines={quantities(fields['lines'])}"
    if event == "StockReserved":
        return f"total={money(fields['total'])} lines={quantities(fields['lines'])}"
    if event == "StockRejected":
        return f"rejected={rejections(fields['rejectedLines'])}"
    if event == "StockReleased":
        return f"released={quantities(fields['lines'])}"
    if event == "PaymentCompleted":
        return f"charged={money(fields['amount'])} payment={fields['paymentId']}"
    if event == "PaymentFailed":
        detail = f" ({fields['detail']})" if fields.get("detail") else ""
        return f"reason={fields['reason']}{detail} amount={money(fields['amount'])}"
    if event == "OrderConfirmed":
        return f"total={money(fields['total'])}"
    if event == "OrderCancelled":
        return f"reason={fields['reason']!r}"
    return ""


def json_value(value):
    """Avro's logical types as JSON: timestamps as ISO-8601, anything else as text."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class Follower:
    """Keeps each order's state and prints a line per record."""

    def __init__(self, registry, as_json, only_orders):
        self.registry = registry
        self.as_json = as_json
        self.only_orders = only_orders
        self.orders = {}
        self.events_by_topic = {}
        self.undecodable = 0

    def follow(self, message):
        key = message.key().decode("utf-8", "replace") if message.key() is not None else None
        if self.only_orders and key not in self.only_orders:
            return
        try:
            schema, fields = self.registry.decode(message.value())
        except (ValueError, KeyError, urllib.error.URLError, avro.errors.AvroException) as ex:
            # a record no Avro reader of the suite could read either (it is on its way to a dead-letter topic)
            self.undecodable += 1
            warn(f"{message.topic()}[{message.partition()}]@{message.offset()} key {key}: skipped, {ex}")
            return
        event = schema.name
        order_id = fields.get("orderId") or key
        state = self.orders.setdefault(order_id, OrderState())
        state.apply(event, fields)
        self.events_by_topic[message.topic()] = self.events_by_topic.get(message.topic(), 0) + 1
        if self.as_json:
            line = json.dumps({"topic": message.topic(), "partition": message.partition(),
                               "offset": message.offset(), "key": key, "orderId": order_id, "event": event,
                               "fields": fields, "state": state.as_json()}, default=json_value)
        else:
            line = f"{message.topic():<30} {order_id} {event}: {summary(event, fields)} -> {state}"
        print(line, flush=True)

    def report(self):
        statuses = {}
        for state in self.orders.values():
            statuses[state.status] = statuses.get(state.status, 0) + 1
        topics = ", ".join(f"{topic} {self.events_by_topic[topic]}" for topic in SAGA_TOPICS
                           if topic in self.events_by_topic)
        warn(f"{sum(self.events_by_topic.values())} event(s) of {len(self.orders)} order(s): "
             f"{json.dumps(statuses, sort_keys=True)}; by topic: {topics or 'none'}"
             + (f"; {self.undecodable} undecodable record(s) skipped" if self.undecodable else ""))


class Run:
    """The poll loop, to its bound: --max-events records, --idle-timeout seconds without one, or a signal."""

    def __init__(self, kafka_config, follower, args):
        # librdkafka reports a refused login or an unreachable broker here, not through poll()
        self.consumer = Consumer(dict(kafka_config, error_cb=self.on_error))
        self.follower = follower
        self.args = args
        self.stopped = False
        self.failed = False
        self.assigned = False
        self.rewound = set()
        self.last_activity = time.monotonic()

    def consume(self):
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.consumer.subscribe(list(SAGA_TOPICS), on_assign=self.on_assign)
        records = 0
        try:
            while not self.stopped and not self.failed:
                if self.args.max_events is not None and records >= self.args.max_events:
                    break
                if self.idle():
                    break
                message = self.consumer.poll(0.5)
                if message is None:
                    continue
                if message.error():
                    self.on_error(message.error())
                    continue
                records += 1
                self.last_activity = time.monotonic()
                self.follower.follow(message)
                self.consumer.store_offsets(message=message)
        finally:
            # commits the stored offsets and leaves the group at once
            self.consumer.close()
            self.follower.report()
        if self.failed:
            return 1
        if not self.assigned:
            warn(f"no partition of the saga topics was assigned in group '{self.args.group}'")
            return 1
        return 0

    def on_assign(self, consumer, partitions):
        if self.args.from_beginning:
            # each partition once: one handed back after a rebalance goes on from the group's offset
            for partition in partitions:
                if (partition.topic, partition.partition) not in self.rewound:
                    self.rewound.add((partition.topic, partition.partition))
                    partition.offset = OFFSET_BEGINNING
            consumer.assign(partitions)
        self.assigned = True
        self.last_activity = time.monotonic()

    def idle(self):
        timeout = self.args.idle_timeout
        return timeout is not None and time.monotonic() - self.last_activity > timeout

    def on_error(self, error):
        warn(f"Kafka: {error.str()}")
        if error.code() == KafkaError._AUTHENTICATION and librdkafka_version() < (2, 6, 1):
            warn(f"librdkafka {confluent_kafka.libversion()[0]} answers a SCRAM login in a way Kafka 4 brokers refuse "
                 "(fixed in librdkafka 2.6.1, confluentinc/librdkafka#4895): use confluent-kafka 2.6.1 or newer "
                 "(pip), or a stack without Kafka security (ORDERFLOW_SECURITY=off ./orderflow up)")
        if error.fatal() or error.code() in FATAL_ERRORS:
            self.failed = True

    def stop(self, signum, frame):
        self.stopped = True


def librdkafka_version():
    version = confluent_kafka.libversion()[1]
    return version >> 24 & 0xFF, version >> 16 & 0xFF, version >> 8 & 0xFF


def warn(text):
    print(f"follow_orders: {text}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
