-- The delivery worker claims urgent messages (answers) and non-urgent ones (campaigns, reminders) separately,
-- answers first: each claim walks its own part of the queue in due order.
create index outbound_deliveries_due_by_urgency on outbound_deliveries (urgent, not_before, seq)
    where status in ('PENDING', 'HELD', 'FAILED') and not_before is not null;
