import type { CallOptions, Paginated, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { DataPoint, DataPointsInput, ListMetricsInput, MetricData } from "./models";
import * as api from "./requests";

/** `monitoring.metrics`: what a check measured. */
export class Metrics {
  constructor(readonly client: ServiceClient) {}

  /** A check's metrics (`mzdfw.average`…); empty until the check has run (pyrax `list_metrics`). */
  list(entity: Ref, check: Ref, options?: ListMetricsInput, o?: CallOptions): Paginated<MetricData> {
    return api.listMetrics(this.client, entity, check, options, o);
  }

  /**
   * A metric's values from `from` to `to`, as `points` points or at a fixed `resolution`, with the
   * statistics in `select` (pyrax `get_metric_data_points`).
   */
  dataPoints(entity: Ref, check: Ref, metric: string | { name: string }, range: DataPointsInput, o?: CallOptions): Promise<DataPoint[]> {
    return api.getDataPoints(this.client, entity, check, metric, range, o);
  }
}
