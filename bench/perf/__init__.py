"""Performance benchmarks (`akhbar bench` in a checkout): throughput, per-stage cost, memory, queries."""
