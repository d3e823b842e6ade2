-- The live escalation stream now follows the audit trail (every raise, acknowledgement, finding
-- and resolution of an escalation is audited in its act's transaction), so the separate change
-- log is gone: one insert fewer in every timer job (docs/benchmarks.md).
drop table sl_escalation_change;
create index ix_sl_audit_seq on sl_audit_record (seq);

-- sl_step_run.yellow/red and sl_case_run.yellow/red are now set when the step or case ends, from
-- sl_escalation; the statistics only count ended runs.
