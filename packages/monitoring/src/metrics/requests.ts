import { type CallOptions, encodeSegment, lazy, type NotFound, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { checkPath, missingCheck } from "../checks/requests";
import { collectionBody, listValues } from "../collection";
import { NoSuchMonitoringResource } from "../errors";
import { type Ref, ref } from "../ref";
import { type DataPoint, type DataPointsInput, dataPointsInput, type ListMetricsInput, listMetricsInput, type MetricData, toDataPoint, toMetric, wireDataPoint, wireMetric } from "./models";

const metricName = lazy(() => z.union([z.string().check(z.regex(/\S/)), z.pipe(z.object({ name: z.string().check(z.regex(/\S/)) }), z.transform((m) => m.name))], { error: "must be a metric name (not blank) or an object with a name" }));
const plotBody = lazy(() => collectionBody(wireDataPoint()));

/** GET /entities/{e}/checks/{c}/metrics: empty until the check has run once. */
export function listMetrics(client: ServiceClient, entity: Ref, check: Ref, options?: ListMetricsInput, o: CallOptions = {}): Paginated<MetricData> {
  const entityId = validate(ref(), entity, "entity");
  const checkId = validate(ref(), check, "check");
  const p = validate(listMetricsInput(), options, "options") ?? {};
  return listValues(client, checkPath(entityId, checkId, "/metrics"), wireMetric(), toMetric, p, {}, o, missingCheck(entityId, checkId));
}

/**
 * GET /entities/{e}/checks/{c}/metrics/{metric}/plot?from=&to=&points=|resolution=&select=…:
 * the metric's values over a time range (pyrax `get_metric_data_points`).
 */
export async function getDataPoints(client: ServiceClient, entity: Ref, check: Ref, metric: string | { name: string }, range: DataPointsInput, o: CallOptions = {}): Promise<DataPoint[]> {
  const entityId = validate(ref(), entity, "entity");
  const checkId = validate(ref(), check, "check");
  const name = validate(metricName(), metric, "metric");
  const r = validate(dataPointsInput(), range, "range");
  // `select` repeats (select=average&select=max): core's query writes an array as repeated keys.
  const query = { from: r.from, to: r.to, points: r.points, resolution: r.resolution, select: r.select };
  // A metric the check does not have is a 404 too: the service's details name the object ('Object "Metric" with key …').
  const missing = (e: NotFound) => (/Object "Metric"/.test(e.details ?? "") ? new NoSuchMonitoringResource("metric", name, e) : missingCheck(entityId, checkId)(e));
  const body = await notFoundAs(client.json({ method: "GET", path: checkPath(entityId, checkId, `/metrics/${encodeSegment(name)}/plot`), query, ...o }, plotBody()), missing);
  return body.values.map(toDataPoint);
}
