// Projects written by the earlier 招商项目 import (before the ledger) take the ledger's shape: stage names, one
// segment list, investment/owner renamed, status ACTIVE. Unknown figures stay absent. A no-op on new databases.
MATCH (p:Project) WHERE p.status IS NULL
OPTIONAL MATCH (p)-[:TARGETS]->(e:Enterprise)
SET p.status = 'ACTIVE',
    p.stage = CASE p.stage WHEN 'PRODUCING' THEN 'IN_PRODUCTION' WHEN 'EFFECTIVE' THEN 'AT_CAPACITY' ELSE p.stage END,
    p.inProductionOn = coalesce(p.inProductionOn, p.producingOn),
    p.atCapacityOn = coalesce(p.atCapacityOn, p.effectiveOn),
    p.plannedInvestmentYi = coalesce(p.plannedInvestmentYi, p.investment),
    p.responsible = coalesce(p.responsible, p.owner),
    p.segmentIds = coalesce(p.segmentIds, CASE WHEN p.segmentId IS NULL THEN [] ELSE [p.segmentId] END),
    p.enterpriseName = coalesce(p.enterpriseName, e.name),
    p.expansion = coalesce(p.expansion, false),
    p.createdAt = coalesce(p.createdAt, datetime()),
    p.updatedAt = coalesce(p.updatedAt, datetime())
REMOVE p.producingOn, p.effectiveOn, p.investment, p.owner, p.segmentId;
