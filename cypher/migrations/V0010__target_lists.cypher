// Saved target lists (招商清单): the list, its ranked items (paged by rank) and the export audit trail.
CREATE CONSTRAINT target_list_id IF NOT EXISTS FOR (l:TargetList) REQUIRE l.id IS UNIQUE;
CREATE INDEX target_list_item_rank IF NOT EXISTS FOR (i:TargetListItem) ON (i.listId, i.rank);
CREATE CONSTRAINT export_audit_id IF NOT EXISTS FOR (a:ExportAudit) REQUIRE a.id IS UNIQUE;
CREATE INDEX export_audit_list IF NOT EXISTS FOR (a:ExportAudit) ON (a.listId);
