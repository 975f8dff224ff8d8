// Ledger version and runtime settings (issue 12): one node each, id 'ledger'; the constraint makes concurrent MERGEs safe.
CREATE CONSTRAINT ledger_version_id IF NOT EXISTS FOR (v:LedgerVersion) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT ledger_settings_id IF NOT EXISTS FOR (s:LedgerSettings) REQUIRE s.id IS UNIQUE;
// What changed since a reader's epoch (LedgerMirror): one range read instead of the whole ledger.
CREATE INDEX project_ledger_epoch IF NOT EXISTS FOR (p:Project) ON (p.ledgerEpoch);
CREATE INDEX lead_ledger_epoch IF NOT EXISTS FOR (l:Lead) ON (l.ledgerEpoch);
