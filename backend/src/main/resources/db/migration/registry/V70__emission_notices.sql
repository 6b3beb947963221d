-- ¶11, ¶38-40, ¶54-56: the notices, deliveries and disclosures the regulation times, as recorded acts of the
-- emission (one row per act and recipient). Each act is recorded once (unique per kind and recipient).
CREATE TABLE emission_notice (
    emission_id      UUID        NOT NULL REFERENCES emission (id),
    position         INT         NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('REGISTRATION_DECISION_DELIVERY', 'SUCCESS_DECISION_NOTICE',
                                     'SUCCESS_REFUSAL_NOTICE', 'RESULTS_DISCLOSURE', 'PRIOR_NOTICE',
                                     'WRITTEN_CONFIRMATION', 'WEBSITE_PUBLICATION')),
    recipient        TEXT        NOT NULL CHECK (recipient IN ('ISSUER', 'TRADING_OPERATOR', 'PUBLIC')),
    act_on           DATE        NOT NULL,
    recorded_on      DATE        NOT NULL,
    due              DATE,
    late             BOOLEAN     NOT NULL,
    channel          TEXT,
    document_sha256  VARCHAR(64) CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    url              TEXT,
    recorded_by      TEXT        NOT NULL,
    PRIMARY KEY (emission_id, position),
    UNIQUE (emission_id, kind, recipient)
);

-- The ¶55 written confirmation and ¶56 publication were recorded before as dates on the emission and as
-- CancellationNoticeRecorded history rows; carry them over from the history (which has the due date and the
-- late flag). The written confirmation went to both recipients of ¶54.
INSERT INTO emission_notice (emission_id, position, kind, recipient, act_on, recorded_on, due, late, recorded_by)
SELECT ev.emission_id,
       (row_number() OVER (PARTITION BY ev.emission_id ORDER BY ev.id, r.recipient)) - 1,
       p ->> 'notice', r.recipient, (p ->> 'recordedOn')::date, (p ->> 'recordedOn')::date, (p ->> 'due')::date,
       coalesce((p ->> 'late')::boolean, false), ev.actor_role
FROM emission_event ev
CROSS JOIN LATERAL (SELECT ev.payload::jsonb AS p) j
CROSS JOIN LATERAL unnest(CASE WHEN p ->> 'notice' = 'WRITTEN_CONFIRMATION' THEN ARRAY['ISSUER', 'TRADING_OPERATOR']
                               ELSE ARRAY['PUBLIC'] END) AS r(recipient)
WHERE ev.type = 'CancellationNoticeRecorded';

COMMENT ON COLUMN emission.written_confirmation_on IS 'superseded by emission_notice (V70); no longer written';
COMMENT ON COLUMN emission.published_on IS 'superseded by emission_notice (V70); no longer written';
