-- The journal as an indexed seam (issue 16 item 1, docs/journal-record-format.md "Indexed columns").
-- What public and exchange readers look up is stored beside the canonical bytes, written by JournalWriter from
-- the same record in the same transaction, so that no read path parses the JSON of every row
-- (convert_from(...)::jsonb, position()): each read is O(log n) or O(rows of that emission), never O(journal).
-- The canonical bytes stay the only thing hashed into the Merkle log; these columns are a derived index of them.
ALTER TABLE journal
    ADD COLUMN emission_id         UUID,
    ADD COLUMN issuer_id           UUID,
    ADD COLUMN registration_number TEXT,
    ADD COLUMN extract_id          UUID;

COMMENT ON COLUMN journal.emission_id IS 'subject.emission of the record (NULL when absent)';
COMMENT ON COLUMN journal.issuer_id IS 'subject.issuer of the record (NULL when absent)';
COMMENT ON COLUMN journal.registration_number IS 'subject.registrationNumber of the record (NULL when absent)';
COMMENT ON COLUMN journal.extract_id IS 'events[0].changes.extractId of a RegisterExtractIssued record (¶61)';

-- Backfill of rows written before this migration: one set-based UPDATE, each row's JSON parsed once.
UPDATE journal j
   SET emission_id = (r.doc -> 'subject' ->> 'emission')::uuid,
       issuer_id = (r.doc -> 'subject' ->> 'issuer')::uuid,
       registration_number = r.doc -> 'subject' ->> 'registrationNumber',
       extract_id = CASE WHEN j.record_type = 'RegisterExtractIssued'
                         THEN (r.doc -> 'events' -> 0 -> 'changes' ->> 'extractId')::uuid END
  FROM (SELECT id, convert_from(canonical_json, 'UTF8')::jsonb AS doc FROM journal) r
 WHERE r.id = j.id;

CREATE INDEX journal_by_emission ON journal (emission_id, id) WHERE emission_id IS NOT NULL;
CREATE INDEX journal_by_issuer ON journal (issuer_id, id) WHERE issuer_id IS NOT NULL;
CREATE INDEX journal_by_registration_number ON journal (registration_number, id) WHERE registration_number IS NOT NULL;
CREATE INDEX journal_by_record_type ON journal (record_type, id);
CREATE UNIQUE INDEX journal_by_extract ON journal (extract_id) WHERE extract_id IS NOT NULL;

-- Every document hash a record carries, keyed by hash: documents[].sha256 (kind = the document's kind) and every
-- "...Sha256" field of its events' changes (kind = the field's name, e.g. whitePaperSha256, pdfSha256,
-- documentSha256). Private documents (¶66) are in the record only as salted commitments, never as a sha256, so
-- they never appear here. Verify-document and document matches read this table, one index probe per hash.
CREATE TABLE journal_document (
    sha256     BYTEA  NOT NULL CHECK (octet_length(sha256) = 32),
    journal_id BIGINT NOT NULL REFERENCES journal (id),
    kind       TEXT   NOT NULL,
    PRIMARY KEY (sha256, journal_id, kind)
);
CREATE INDEX journal_document_by_journal ON journal_document (journal_id);
COMMENT ON TABLE journal_document IS 'Document hashes carried by journal records (JournalWriter); derived from canonical_json.';

INSERT INTO journal_document (sha256, journal_id, kind)
SELECT DISTINCT decode(f.value, 'hex'), r.id,
       CASE WHEN f.key = 'sha256' THEN coalesce(o.obj ->> 'kind', f.key) ELSE f.key END
  FROM (SELECT id, convert_from(canonical_json, 'UTF8')::jsonb AS doc FROM journal) r
 CROSS JOIN LATERAL (SELECT jsonb_path_query(r.doc -> 'documents', 'strict $.** ? (@.type() == "object")') AS obj
                     UNION ALL
                     SELECT jsonb_path_query(r.doc -> 'events', 'strict $.** ? (@.type() == "object")')) o
 CROSS JOIN LATERAL jsonb_each_text(o.obj) f
 WHERE (f.key = 'sha256' OR f.key LIKE '%Sha256')
   AND f.value ~ '^[0-9a-f]{64}$';
