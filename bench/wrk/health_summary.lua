-- wrk script for the /health/ cross-check of bench/run.sh: prints one JSON result line in the
-- shape bench_report reads. wrk is closed-loop, so its latency is measured from the actual send
-- (not coordinated-omission corrected); it is here to show the load generator is not the limit.
local name = os.getenv("BENCH_NAME") or "ceiling.health.wrk"

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"name":"%s","kind":"wrk","mode":"closed-loop","scenario":"health","unit":"req/s",' ..
    '"throughput":%.1f,"requests":%d,"duration_s":%.3f,"errors":%d,' ..
    '"latency":{"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f},' ..
    '"note":"wrk cross-check of the load generator"}\n',
    name, summary.requests / seconds, summary.requests, seconds, errors,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
