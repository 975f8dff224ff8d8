/**
 * 挂链 (segment assignment): proposes segments for enterprises that have 主营产品 / 经营范围 text but no
 * segment in a chain, learning from the chain's enterprises that are already assigned. Every proposal carries a
 * confidence label (确定 / 待确认), the rule that set it and its evidence (matched words, nearest assigned firms);
 * accepted proposals are written as {@code IN_SEGMENT}. The method and its measured accuracy: docs/assignment.md.
 */
package com.chainatlas.assignment;
