-- The sealer finds unsealed records through the unique index on chain_pos (they are the nulls)
-- and sorts the few it finds; a second index over the same column cost every insert and every
-- seal one more index write (docs/benchmarks.md).
drop index ix_sl_audit_unsealed;
