// Ledger (issue 12): leads, their contact log, the change history; projects are listed under a region by code prefix.
CREATE CONSTRAINT lead_id IF NOT EXISTS FOR (l:Lead) REQUIRE l.id IS UNIQUE;
CREATE INDEX lead_region IF NOT EXISTS FOR (l:Lead) ON (l.regionCode);
CREATE INDEX lead_enterprise IF NOT EXISTS FOR (l:Lead) ON (l.enterpriseUscc, l.regionCode);
CREATE CONSTRAINT lead_contact_id IF NOT EXISTS FOR (c:LeadContact) REQUIRE c.id IS UNIQUE;
CREATE INDEX lead_contact_lead IF NOT EXISTS FOR (c:LeadContact) ON (c.leadId);
CREATE CONSTRAINT ledger_change_id IF NOT EXISTS FOR (c:LedgerChange) REQUIRE c.id IS UNIQUE;
CREATE INDEX ledger_change_subject IF NOT EXISTS FOR (c:LedgerChange) ON (c.subjectId);
CREATE INDEX project_region IF NOT EXISTS FOR (p:Project) ON (p.regionCode);
CREATE INDEX project_name_region IF NOT EXISTS FOR (p:Project) ON (p.name, p.regionCode);
