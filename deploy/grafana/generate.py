#!/usr/bin/env python3
"""Writes the Grafana dashboards (dashboards/*.json) from the panel lists below: one place for every query, which
the observability test also runs against a real Prometheus (with every dashboard variable set to "All", i.e. `.*`).
Run: python3 deploy/grafana/generate.py"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

# A panel: (title, unit, [(legend, expr), ...]). "$group" / "$application" / "$source" are the dashboard's variables.
GROUP = 'consumergroup=~"$group"'
APP = 'application=~"$application"'
SOURCE = 'source=~"$source"'

DASHBOARDS = {
    "consumer-lag": {
        "title": "Orderflow / Consumer lag",
        "variables": [
            ("group", "Consumer group", "label_values(kafka_consumergroup_lag, consumergroup)"),
            ("application", "Service", "label_values(kafka_consumer_fetch_manager_records_lag, application)"),
        ],
        "panels": [
            ("Lag per group and partition (broker view)", "short", [
                ("{{consumergroup}} {{topic}}/{{partition}}",
                 f"max by (consumergroup, topic, partition) (kafka_consumergroup_lag{{{GROUP}}})")]),
            ("Total lag per group (broker view)", "short", [
                ("{{consumergroup}}",
                 f"sum by (consumergroup) (max by (consumergroup, topic, partition) (kafka_consumergroup_lag{{{GROUP}}}))")]),
            ("Records lag per partition (consumer view)", "short", [
                ("{{application}} {{topic}}/{{partition}}",
                 f"max by (application, topic, partition) (kafka_consumer_fetch_manager_records_lag{{{APP}}})")]),
            ("Consume rate", "ops", [
                ("{{application}} {{topic}}",
                 f"sum by (application, topic) (rate(kafka_consumer_fetch_manager_records_consumed_total{{{APP}}}[1m]))")]),
            ("Rebalances (5m)", "short", [
                ("{{application}}",
                 f"sum by (application) (increase(kafka_consumer_coordinator_rebalance_total{{{APP}}}[5m]))")]),
            ("Retried deliveries (5m): transient failures are retried without a cap", "short", [
                ("{{application}} {{topic}} {{failure}}",
                 f"sum by (application, topic, failure) (increase(orderflow_events_retries_total{{{APP}}}[5m]))")]),
            ("Dead letters (5m)", "short", [
                ("{{application}} {{topic}}",
                 f"sum by (application, topic) (increase(orderflow_dead_letters_total{{{APP}}}[5m]))")]),
            ("Records in dead-letter topics (broker view)", "short", [
                ("{{topic}}", "max by (topic) (orderflow_dead_letter_topic_records)")]),
        ],
    },
    "saga-outbox": {
        "title": "Orderflow / Saga and outbox",
        "variables": [
            ("source", "Outbox (service database)", "label_values(orderflow_outbox_backlog_rows, source)"),
        ],
        "panels": [
            ("Orders placed /s", "ops", [("placed", "sum(rate(orderflow_orders_placed_total[1m]))")]),
            ("Orders by terminal status /s", "ops", [
                ("{{status}}", "sum by (status) (rate(orderflow_orders_completed_total[1m]))")]),
            ("Saga duration (placed -> terminal)", "s", [
                (f"p{q}", f"histogram_quantile(0.{q}, sum by (le) (rate(orderflow_saga_duration_seconds_bucket[5m])))")
                for q in ("50", "95", "99")]),
            ("Orders pending", "short", [("pending", "max(orderflow_orders_pending)")]),
            ("Oldest pending order age", "s", [("oldest", "max(orderflow_orders_pending_oldest_age_seconds)")]),
            ("Outbox backlog per service DB", "short", [
                ("{{source}}", f"max by (source) (orderflow_outbox_backlog_rows{{{SOURCE}}})")]),
            ("Oldest unpublished outbox row", "s", [
                ("{{source}}", f"max by (source) (orderflow_outbox_oldest_unpublished_age_seconds{{{SOURCE}}})")]),
            ("Parked outbox rows (never publishable as they are)", "short", [
                ("{{source}}", f"max by (source) (orderflow_outbox_parked_rows{{{SOURCE}}})")]),
            ("Published events /s", "ops", [
                ("{{source}}", f"sum by (source) (rate(orderflow_outbox_published_events_total{{{SOURCE}}}[1m]))")]),
            ("Publish latency (commit -> broker ack)", "s", [
                (f"{{{{source}}}} p{q}",
                 f"histogram_quantile(0.{q}, sum by (le, source) (rate(orderflow_outbox_publish_latency_seconds_bucket{{{SOURCE}}}[5m])))")
                for q in ("50", "99")]),
            ("Relay lanes: owned per instance, and the lane count", "short", [
                ("{{source}} {{instance}}", f"sum by (source, instance) (orderflow_outbox_lanes_owned{{{SOURCE}}})"),
                ("{{source}} lanes", f"max by (source) (orderflow_outbox_lanes{{{SOURCE}}})")]),
            ("Outbox backlog per lane", "short", [
                ("{{source}} lane {{lane}}", f"max by (source, lane) (orderflow_outbox_lane_backlog_rows{{{SOURCE}}})")]),
            ("Oldest unpublished row per lane", "s", [
                ("{{source}} lane {{lane}}",
                 f"max by (source, lane) (orderflow_outbox_lane_oldest_unpublished_age_seconds{{{SOURCE}}})")]),
        ],
    },
}

DATASOURCE = {"type": "prometheus", "uid": "prometheus"}


def panel(index, title, unit, targets):
    return {
        "id": index + 1, "type": "timeseries", "title": title, "datasource": DATASOURCE,
        "gridPos": {"h": 8, "w": 12, "x": (index % 2) * 12, "y": (index // 2) * 8},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {"legend": {"displayMode": "list", "placement": "bottom"}},
        "targets": [{"refId": chr(ord("A") + i), "expr": expr, "legendFormat": legend, "datasource": DATASOURCE}
                    for i, (legend, expr) in enumerate(targets)],
    }


def variable(name, label, query):
    return {
        "name": name, "label": label, "type": "query", "datasource": DATASOURCE,
        "query": {"query": query, "refId": name}, "definition": query, "refresh": 2, "sort": 1,
        "multi": True, "includeAll": True, "allValue": ".*",
        "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
    }


for uid, spec in DASHBOARDS.items():
    dashboard = {
        "uid": "orderflow-" + uid, "title": spec["title"], "schemaVersion": 39, "version": 1, "editable": True,
        "time": {"from": "now-1h", "to": "now"}, "refresh": "10s", "tags": ["orderflow"],
        "templating": {"list": [variable(*v) for v in spec["variables"]]},
        "panels": [panel(i, *p) for i, p in enumerate(spec["panels"])],
    }
    with open(os.path.join(HERE, "dashboards", uid + ".json"), "w") as out:
        json.dump(dashboard, out, indent=2)
        out.write("\n")
