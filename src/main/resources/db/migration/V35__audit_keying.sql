-- The chain is keyed (docs/security.md, "Audit trail"): from keyed_from on, each hash is
-- HMAC-SHA256 under a secret kept outside the database. Records sealed before (1 .. keyed_from-1)
-- keep their plain SHA-256 hash and are checked that way. The first node with a key sets both
-- columns under the head lock; keyed_mac is the key's signature over keyed_from, so a database
-- writer cannot move the point to pass keyed records off as unkeyed ones.
alter table sl_audit_head add column keyed_from bigint;
alter table sl_audit_head add column keyed_mac varchar(64);
