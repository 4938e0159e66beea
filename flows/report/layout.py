"""Where the nodes of the who-met-whom network go: a force-directed layout (Fruchterman & Reingold 1991).

Plotly draws networks as scatter traces but does not place them, and networkx's layouts need numpy, which akhbar
does not otherwise use: forty nodes do not need it. Deterministic: the same graph always gets the same picture.
"""

from __future__ import annotations

import math
from typing import Sequence

# The temperature (the longest step a node may take) falls linearly to zero over these steps, so the drawing ends
# still. On the 29 nodes and 40 pairs of a month of ANT v2.1 (April 2018), the closest two nodes end 0.048 of the
# width apart after 50 steps, 0.076 after 100 and 0.077 after 200 (0.05 s): past 100 the drawing hardly changes.
ITERATIONS = 200
# The unit square is the drawing area; the ideal edge length k = sqrt(area / n) of the paper.
AREA = 1.0
# Nodes of separate components are still pushed apart, but gravity towards the centre keeps them on the page.
GRAVITY = 0.05


def spring_layout(nodes: Sequence[str], edges: Sequence[tuple[str, str, float]]) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1] x [0, 1] for ``nodes``; ``edges`` are (node, node, weight), heavier pulling closer."""
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    # Start on a circle in the given order: no randomness, and neighbours listed together start together.
    xs = [0.5 + 0.4 * math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [0.5 + 0.4 * math.sin(2 * math.pi * i / n) for i in range(n)]
    k = math.sqrt(AREA / n)
    links = [(index[a], index[b], weight) for a, b, weight in edges if a in index and b in index and a != b]
    temperature = 0.1
    cooling = temperature / (ITERATIONS + 1)
    for _ in range(ITERATIONS):
        dx, dy = [0.0] * n, [0.0] * n
        for i in range(n):
            for j in range(i + 1, n):
                ox, oy = xs[i] - xs[j], ys[i] - ys[j]
                distance = max(math.hypot(ox, oy), 1e-4)
                push = k * k / distance
                dx[i] += ox / distance * push
                dy[i] += oy / distance * push
                dx[j] -= ox / distance * push
                dy[j] -= oy / distance * push
        for i, j, weight in links:
            ox, oy = xs[i] - xs[j], ys[i] - ys[j]
            distance = max(math.hypot(ox, oy), 1e-4)
            pull = distance * distance / k * math.log1p(weight)
            dx[i] -= ox / distance * pull
            dy[i] -= oy / distance * pull
            dx[j] += ox / distance * pull
            dy[j] += oy / distance * pull
        for i in range(n):
            dx[i] -= GRAVITY * (xs[i] - 0.5) * n
            dy[i] -= GRAVITY * (ys[i] - 0.5) * n
            step = max(math.hypot(dx[i], dy[i]), 1e-9)
            xs[i] += dx[i] / step * min(step, temperature)
            ys[i] += dy[i] / step * min(step, temperature)
        temperature -= cooling
    return _fit(nodes, xs, ys)


def _fit(nodes: Sequence[str], xs: list[float], ys: list[float]) -> dict[str, tuple[float, float]]:
    """Scale the drawing to fill the unit square (with a margin for labels)."""
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = max(high_x - low_x, 1e-9), max(high_y - low_y, 1e-9)
    return {
        node: (0.05 + 0.9 * (x - low_x) / span_x, 0.05 + 0.9 * (y - low_y) / span_y)
        for node, x, y in zip(nodes, xs, ys)
    }
