// Enterprises listed without a credit code (无信用代码) carry provisional: true; imports ask whether any exist.
CREATE INDEX enterprise_provisional IF NOT EXISTS FOR (e:Enterprise) ON (e.provisional);
// Import history (ingest): one record per finished job, listed newest first after a restart.
CREATE CONSTRAINT import_job_record_id IF NOT EXISTS FOR (j:ImportJobRecord) REQUIRE j.id IS UNIQUE;
CREATE INDEX import_job_record_submitted IF NOT EXISTS FOR (j:ImportJobRecord) ON (j.submittedAt);
