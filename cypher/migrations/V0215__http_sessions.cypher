// Browser sessions shared by all app instances (security/session/Neo4jSessionRepository): one node per session.
CREATE CONSTRAINT http_session_id IF NOT EXISTS FOR (s:HttpSession) REQUIRE s.id IS UNIQUE;
// "End the other sessions of this account" and Spring Session's look-up by principal name.
CREATE INDEX http_session_principal IF NOT EXISTS FOR (s:HttpSession) ON (s.principalName);
// The scheduled cleanup deletes sessions whose expiry passed.
CREATE INDEX http_session_expires IF NOT EXISTS FOR (s:HttpSession) ON (s.expiresAt);
