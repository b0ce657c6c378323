-- MySQL/MariaDB only: the new tables compare text case-exactly like the others (see V2).
ALTER TABLE effective_role_change CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE audit_event_subject CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
