-- Idempotency records expire (vareg.api.idempotency.retention); the scheduled purge deletes by age.
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
