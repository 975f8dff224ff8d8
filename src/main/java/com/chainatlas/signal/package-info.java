/**
 * Expansion signals (扩张信号): dated enterprise events — 融资, 新设分支机构, 对外投资, 扩产/新建项目, 招聘, 中标,
 * 专利授权 — stored as {@code (:Enterprise)-[:HAS_EVENT]->(:ExpansionEvent)}, and their recency-weighted strength,
 * which the target score (招商清单) reads as one of its parts.
 *
 * <p>Public face: {@link com.chainatlas.signal.EventKind}, {@link com.chainatlas.signal.ExpansionEvent},
 * {@link com.chainatlas.signal.EventWriter} (used by the {@code events} import format and the demo data),
 * {@link com.chainatlas.signal.ExpansionSignals} (events of enterprises, scored at the app's clock) and
 * {@link com.chainatlas.signal.SignalScoring} (the pure scoring rule). See docs/targeting.md.
 */
package com.chainatlas.signal;
