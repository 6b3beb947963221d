-- Token buckets of the rate limits and the login throttle (issue 15 items 1-2), shared by every backend instance:
-- Bucket4j's PostgreSQL proxy manager locks a bucket's row (SELECT ... FOR UPDATE) per request. The key names the
-- limit and whom it counts (an address, a user, an exchange key id); expires_at (epoch ms) lets old rows be purged.
CREATE TABLE registry.rate_limit_bucket (
    id         VARCHAR(512) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON registry.rate_limit_bucket (expires_at);
