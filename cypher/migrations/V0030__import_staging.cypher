// Import staging (ingest): journals and parked batches of large imports until they are published.
CREATE CONSTRAINT import_journal_id IF NOT EXISTS FOR (j:ImportJournal) REQUIRE j.id IS UNIQUE;
CREATE INDEX import_batch_key IF NOT EXISTS FOR (b:ImportBatch) ON (b.importId, b.seq);
