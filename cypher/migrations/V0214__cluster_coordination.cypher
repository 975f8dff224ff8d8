// Several app instances on one database (docs/scale.md): data versions, leases, the shared import queue.
CREATE CONSTRAINT data_version_chain IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.chainId IS UNIQUE;
CREATE CONSTRAINT cluster_lease_name IF NOT EXISTS FOR (l:ClusterLease) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT import_queue_id IF NOT EXISTS FOR (q:ImportQueue) REQUIRE q.id IS UNIQUE;
CREATE CONSTRAINT queued_import_id IF NOT EXISTS FOR (j:QueuedImport) REQUIRE j.id IS UNIQUE;
CREATE INDEX import_upload_chunk IF NOT EXISTS FOR (c:ImportUpload) ON (c.jobId, c.seq);
