-- The console's escalation list pages a department's escalations newest first.
create index ix_sl_escalation_department on sl_escalation (department, raised_at);
