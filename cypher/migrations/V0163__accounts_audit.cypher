// Sign-in accounts (com.chainatlas.security): one per username.
CREATE CONSTRAINT account_username IF NOT EXISTS FOR (a:Account) REQUIRE a.username IS UNIQUE;
// The audit log is read newest first and filtered by user and action.
CREATE INDEX audit_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at);
CREATE INDEX audit_user IF NOT EXISTS FOR (e:AuditEntry) ON (e.user);
