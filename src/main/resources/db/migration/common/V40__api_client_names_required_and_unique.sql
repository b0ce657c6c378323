-- Issue 15: an API client's name is required (not blank after trimming) and unique among the enterprise's live
-- clients, case-insensitively (name_key, like sub-account and role names; revoking a client frees its name, as
-- deleting a user frees its userName). Names that break the rule in existing data are renamed, deterministically,
-- so the upgrade never fails: a blank name becomes "API client <id>"; of live clients sharing a name, the oldest
-- keeps it and the others get " (2)", " (3)"... in id order; a name so given that another client already held
-- (someone had named a client "Entra (2)") gets " (#<id>)" too, the other client keeping its name. Portable SQL (MySQL, MariaDB,
-- H2): no window functions, no UPDATE reading its own table (MySQL error 1093); the ranks go through scratch tables.

UPDATE api_client SET name = TRIM(name);
UPDATE api_client SET name = CONCAT('API client ', id) WHERE name = '';

CREATE TABLE v40_api_client_rank (id BIGINT NOT NULL PRIMARY KEY, earlier INT NOT NULL, renamed INT NOT NULL);
INSERT INTO v40_api_client_rank (id, earlier, renamed)
SELECT a.id, (SELECT COUNT(*) FROM api_client b
              WHERE b.enterprise_id = a.enterprise_id AND LOWER(b.name) = LOWER(a.name)
                AND b.revoked_at IS NULL AND b.id < a.id), 0
FROM api_client a WHERE a.revoked_at IS NULL;
UPDATE v40_api_client_rank SET renamed = 1 WHERE earlier > 0;
UPDATE api_client
SET name = CONCAT(LEFT(name, 180), ' (', (SELECT r.earlier + 1 FROM v40_api_client_rank r WHERE r.id = api_client.id), ')')
WHERE id IN (SELECT r.id FROM v40_api_client_rank r WHERE r.renamed = 1);

-- Second pass: a name the first pass gave may already be taken; the client that had it first keeps it.
CREATE TABLE v40_api_client_clash (id BIGINT NOT NULL PRIMARY KEY, earlier INT NOT NULL);
INSERT INTO v40_api_client_clash (id, earlier)
SELECT a.id, (SELECT COUNT(*) FROM api_client b JOIN v40_api_client_rank rb ON rb.id = b.id
              WHERE b.enterprise_id = a.enterprise_id AND LOWER(b.name) = LOWER(a.name)
                AND (rb.renamed < ra.renamed OR (rb.renamed = ra.renamed AND b.id < a.id)))
FROM api_client a JOIN v40_api_client_rank ra ON ra.id = a.id;
UPDATE api_client SET name = CONCAT(LEFT(name, 170), ' (#', id, ')')
WHERE id IN (SELECT c.id FROM v40_api_client_clash c WHERE c.earlier > 0);
DROP TABLE v40_api_client_clash;
DROP TABLE v40_api_client_rank;

ALTER TABLE api_client ADD COLUMN name_key VARCHAR(200) NULL;
UPDATE api_client SET name_key = LOWER(name) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX uq_api_client_name ON api_client (enterprise_id, name_key);
