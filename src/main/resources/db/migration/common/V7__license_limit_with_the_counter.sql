-- The license limit belongs with the seat counter it bounds: licensing owns both (one owner per table), and
-- the enterprise table no longer carries it.
ALTER TABLE license_counter ADD COLUMN license_limit INT NOT NULL DEFAULT 0;
UPDATE license_counter SET license_limit = (SELECT e.license_limit FROM enterprise e WHERE e.id = license_counter.enterprise_id);
ALTER TABLE enterprise DROP COLUMN license_limit;
