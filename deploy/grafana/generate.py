#!/usr/bin/env python3
"""Writes the Grafana dashboards (dashboards/*.json) from the panel lists below: one place for every query, which
the observability test also runs against a real Prometheus. Run: python3 deploy/grafana/generate.py"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

DASHBOARDS = {
    "consumer-lag": ("Orderflow / Consumer lag", [
        ("Lag per group and partition (broker view)", "max by (consumergroup, topic, partition) (kafka_consumergroup_lag)", "short"),
        ("Total lag per group", "sum by (consumergroup) (max by (consumergroup, topic, partition) (kafka_consumergroup_lag))", "short"),
        ("Records lag per partition (client view)", "max by (application, topic, partition) (kafka_consumer_fetch_manager_records_lag)", "short"),
        ("Consume rate", "sum by (application, topic) (rate(kafka_consumer_fetch_manager_records_consumed_total[1m]))", "ops"),
        ("Rebalances", "sum by (application) (increase(kafka_consumer_coordinator_rebalance_total[5m]))", "short"),
        ("Dead letters", "sum by (application, topic) (increase(orderflow_dead_letters_total[5m]))", "short"),
    ]),
    "saga-outbox": ("Orderflow / Saga and outbox", [
        ("Orders placed /s", "sum(rate(orderflow_orders_placed_total[1m]))", "ops"),
        ("Orders by terminal status /s", "sum by (status) (rate(orderflow_orders_completed_total[1m]))", "ops"),
        ("Saga duration p50/p95/p99", "histogram_quantile(0.95, sum by (le) (rate(orderflow_saga_duration_seconds_bucket[5m])))", "s"),
        ("Orders pending", "max(orderflow_orders_pending)", "short"),
        ("Oldest pending order age", "max(orderflow_orders_pending_oldest_age_seconds)", "s"),
        ("Outbox backlog per service DB", "max by (source) (outbox_backlog_rows)", "short"),
        ("Oldest unpublished outbox row", "max by (source) (outbox_oldest_unpublished_age_seconds)", "s"),
        ("Published events /s", "sum by (source) (rate(outbox_published_events_total[1m]))", "ops"),
        ("Publish latency commit->ack p99", "histogram_quantile(0.99, sum by (le, source) (rate(outbox_publish_latency_seconds_bucket[5m])))", "s"),
        ("Relay leader per source", "sum by (source) (outbox_relay_leader)", "short"),
    ]),
}


def panel(index, title, expr, unit):
    return {
        "id": index + 1, "type": "timeseries", "title": title,
        "datasource": {"type": "prometheus", "uid": "prometheus"},
        "gridPos": {"h": 8, "w": 12, "x": (index % 2) * 12, "y": (index // 2) * 8},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [{"refId": "A", "expr": expr, "datasource": {"type": "prometheus", "uid": "prometheus"}}],
    }


for uid, (title, panels) in DASHBOARDS.items():
    dashboard = {
        "uid": "orderflow-" + uid, "title": title, "schemaVersion": 39, "version": 1, "editable": True,
        "time": {"from": "now-1h", "to": "now"}, "refresh": "10s", "tags": ["orderflow"],
        "panels": [panel(i, *p) for i, p in enumerate(panels)],
    }
    with open(os.path.join(HERE, "dashboards", uid + ".json"), "w") as out:
        json.dump(dashboard, out, indent=2)
        out.write("\n")
