-- #19 item 1: effective dates. The effective date (Asia/Bishkek) of an emission's latest workflow step; a backdated
-- step may not precede it. Existing emissions start from the latest date the register already holds for them.
ALTER TABLE registry.emission ADD COLUMN last_event_on date;
UPDATE registry.emission SET last_event_on = GREATEST(submitted_on, registered_on, offer_disclosed_on, placement_started_on,
        results_reported_on, results_decided_on, number_cancelled_on);
